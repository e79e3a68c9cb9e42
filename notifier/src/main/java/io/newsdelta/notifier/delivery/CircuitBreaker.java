package io.newsdelta.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One channel's circuit: after {@code failures} failed attempts in a row it opens, and for {@code openFor}
 * nothing is sent to that endpoint; then one trial attempt goes (half-open): success closes the circuit, failure
 * opens it again. Attempts while open are not lost: the lane waits and the change keeps its place. Used from the
 * lane's one delivery thread only.
 */
public final class CircuitBreaker {
  /** The states of a circuit. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final int failures;
  private final Duration openFor;
  private int failedInARow;
  private Instant openUntil;

  /** A closed circuit that opens after {@code failures} failures in a row, for {@code openFor}. */
  public CircuitBreaker(int failures, Duration openFor) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, was " + failures);
    }
    this.failures = failures;
    this.openFor = openFor;
  }

  /** The state at {@code now}. */
  public State state(Instant now) {
    if (openUntil == null) {
      return State.CLOSED;
    }
    return now.isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
  }

  /** How long to wait at {@code now} before the next attempt may go; zero unless open. */
  public Duration waitBeforeAttempt(Instant now) {
    return state(now) == State.OPEN ? Duration.between(now, openUntil) : Duration.ZERO;
  }

  /** The endpoint took a change: the circuit closes. */
  public void succeeded() {
    failedInARow = 0;
    openUntil = null;
  }

  /**
   * An attempt failed at {@code now}.
   *
   * @return true when this failure opened the circuit (to log once)
   */
  public boolean failed(Instant now) {
    failedInARow++;
    if (state(now) == State.HALF_OPEN || failedInARow >= failures) {
      boolean opened = openUntil == null || state(now) == State.HALF_OPEN;
      openUntil = now.plus(openFor);
      return opened;
    }
    return false;
  }
}
