package io.newsdelta.ingest.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the checks that fell due while ingest was down go when it takes their articles back: not all at
 * once, but spread over a window that grows with their number ({@link #PER_CHECK} each) up to the configured
 * {@code ingest.catch-up-window}; each article's place in the window comes from a hash of its id, so the spread
 * is the same on every instance and restart. A check that is not overdue keeps its time; none is dropped. Pure.
 */
public final class CatchUp {
  /** Room given to each overdue check: 200 overdue checks are spread over a second. */
  public static final Duration PER_CHECK = Duration.ofMillis(5);

  private CatchUp() {}

  /** The window {@code overdue} overdue checks are spread over, at most {@code max}. */
  public static Duration window(int overdue, Duration max) {
    Duration w = PER_CHECK.multipliedBy(Math.max(0, overdue));
    return w.compareTo(max) > 0 ? max : w;
  }

  /**
   * When a check due at {@code dueAt} runs, taken back at {@code now}: at its own time when that is still
   * ahead, else at a place in {@code [now, now + window)} chosen by {@code articleId}.
   */
  public static Instant spread(String articleId, Instant dueAt, Instant now, Duration window) {
    if (dueAt.isAfter(now) || window.isZero()) {
      return dueAt.isAfter(now) ? dueAt : now;
    }
    long span = window.toMillis();
    long offset = Math.floorMod(mix(articleId.hashCode()), span);
    return now.plusMillis(offset);
  }

  private static long mix(int h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }
}
