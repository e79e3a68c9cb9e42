package io.newsdelta.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Handling the signal ourselves (rather than in a shutdown hook) lets the main
 * thread stop the services in order and exit 0, as docs/contract.md pins.
 *
 * <p>The handlers are installed before the services start ({@link #install()}), so a signal that arrives while
 * they start is not the JVM's default (exit 143 with nothing stopped in order): the services finish starting and
 * are then stopped. A second signal while waiting for that, or while stopping, exits at once with status 1.
 */
final class UntilSignal {
  private static final Logger LOG = LoggerFactory.getLogger(UntilSignal.class);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();

  private UntilSignal() {}

  /** Installs the handlers for SIGTERM and SIGINT; call before starting anything the signal must stop. */
  static UntilSignal install() {
    UntilSignal until = new UntilSignal();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), until::received);
    }
    return until;
  }

  private void received(Signal s) {
    if (received.incrementAndGet() == 1) {
      LOG.info("SIG{} received: stopping", s.getName());
      stop.countDown();
    } else {
      LOG.warn("SIG{} received again: exiting now, without stopping in order", s.getName());
      Runtime.getRuntime().halt(1);
    }
  }

  /** Returns once a signal was received (at once if one came before). */
  void await() {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
