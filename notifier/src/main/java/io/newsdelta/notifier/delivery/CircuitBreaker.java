package io.newsdelta.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One channel's circuit: after {@code failures} failed attempts in a row it opens, and for {@code openFor}
 * nothing is sent to that endpoint; then one trial attempt goes (half-open): success closes the circuit, failure
 * opens it again. Attempts while open are not lost: the lane waits and the change keeps its place. Shared by
 * the lane's delivery threads, hence synchronized.
 */
public final class CircuitBreaker {
  /** The states of a circuit. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** How often the other threads look again while a half-open circuit's trial attempt is out. */
  private static final Duration TRIAL_RECHECK = Duration.ofMillis(50);

  private final int failures;
  private final Duration openFor;
  private int failedInARow;
  private Instant openUntil;
  private boolean trialRunning;

  /** A closed circuit that opens after {@code failures} failures in a row, for {@code openFor}. */
  public CircuitBreaker(int failures, Duration openFor) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, was " + failures);
    }
    this.failures = failures;
    this.openFor = openFor;
  }

  /** The state at {@code now}. */
  public synchronized State state(Instant now) {
    if (openUntil == null) {
      return State.CLOSED;
    }
    return now.isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
  }

  /**
   * How long to wait at {@code now} before asking again; zero means the attempt may go now. While open, the time
   * left; half-open, zero for the one caller that makes the trial attempt and a short wait for the others until
   * that trial ends ({@link #succeeded()} or {@link #failed(Instant)}), so the lane's threads do not all try at once.
   */
  public synchronized Duration waitBeforeAttempt(Instant now) {
    return switch (state(now)) {
      case CLOSED -> Duration.ZERO;
      case OPEN -> Duration.between(now, openUntil);
      case HALF_OPEN -> {
        if (trialRunning) {
          yield TRIAL_RECHECK.compareTo(openFor) < 0 ? TRIAL_RECHECK : openFor;
        }
        trialRunning = true;
        yield Duration.ZERO;
      }
    };
  }

  /** The endpoint took a change: the circuit closes. */
  public synchronized void succeeded() {
    failedInARow = 0;
    openUntil = null;
    trialRunning = false;
  }

  /**
   * An attempt failed at {@code now}.
   *
   * @return true when this failure opened the circuit (to log once)
   */
  public synchronized boolean failed(Instant now) {
    failedInARow++;
    trialRunning = false;
    if (state(now) == State.HALF_OPEN || failedInARow >= failures) {
      boolean opened = openUntil == null || state(now) == State.HALF_OPEN;
      openUntil = now.plus(openFor);
      return opened;
    }
    return false;
  }
}
