package io.newsdelta.ingest.host;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failing host is left alone: after {@link #THRESHOLD} host failures in a row (no connection, timeout,
 * 5xx, 429), each next failure doubles the pause — {@link #BASE}, 2×, 4× … up to {@link #MAX} — times a
 * random factor from 0.5 to 1.5 (so hosts that failed together do not come back together). A success ends it.
 * Pure apart from the injected random source; one instance per host, guarded by its caller.
 */
public final class HostBackoff {
  /** Failures in a row before the host backs off. */
  public static final int THRESHOLD = 3;
  /** The first pause. */
  public static final Duration BASE = Duration.ofSeconds(10);
  /** The longest pause. */
  public static final Duration MAX = Duration.ofMinutes(30);

  private final DoubleSupplier random;
  private int failures;

  /** @param random uniform numbers in [0, 1) */
  public HostBackoff(DoubleSupplier random) {
    this.random = random;
  }

  /**
   * A host failure.
   *
   * @return the pause to keep, or {@link Duration#ZERO} while below the threshold
   */
  public Duration failed() {
    failures++;
    if (failures < THRESHOLD) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - THRESHOLD, 20);
    long base = Math.min(MAX.toMillis(), BASE.toMillis() << doublings);
    long jittered = (long) (base * (0.5 + random.getAsDouble()));
    return Duration.ofMillis(Math.min(MAX.toMillis(), jittered));
  }

  /**
   * A success.
   *
   * @return whether the host was backing off (so its recovery is to be reported)
   */
  public boolean succeeded() {
    boolean was = backingOff();
    failures = 0;
    return was;
  }

  /** Whether the host is backing off. */
  public boolean backingOff() {
    return failures >= THRESHOLD;
  }

  /** Failures in a row so far. */
  public int failures() {
    return failures;
  }
}
