package io.newsdelta.notifier.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets waits between retries end early when the notifier stops, so shutdown never waits out a backoff. */
public final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Ends every current and future {@link #pause(Duration)} at once. */
  public void stop() {
    stopped.countDown();
  }

  /** Whether {@link #stop()} was called. */
  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /**
   * Waits for {@code delay} unless stopped first.
   *
   * @return true when the full delay passed, false when stopped (or interrupted)
   */
  public boolean pause(Duration delay) {
    try {
      return !stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
