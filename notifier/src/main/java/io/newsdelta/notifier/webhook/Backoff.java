package io.newsdelta.notifier.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long to wait between delivery attempts: {@code initial} after the first failure, doubled after each
 * next one, never more than {@code max}.
 *
 * @param initial the wait after the first failed attempt (zero retries at once)
 * @param maxAttempts attempts in all, at least 1
 * @param max the longest single wait
 */
public record Backoff(Duration initial, int maxAttempts, Duration max) {
  /** The longest single wait unless another is given. */
  public static final Duration DEFAULT_MAX = Duration.ofMinutes(10);

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative()) {
      throw new IllegalArgumentException("initial backoff must not be negative, was " + initial);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** A schedule capped at {@link #DEFAULT_MAX}. */
  public static Backoff of(Duration initial, int maxAttempts) {
    return new Backoff(initial, maxAttempts, DEFAULT_MAX);
  }

  /**
   * The wait after failed attempt number {@code attempt} (1-based) before the next one.
   *
   * @throws IllegalArgumentException when {@code attempt} is the last one or beyond: no retry follows it
   */
  public Duration delayAfter(int attempt) {
    if (attempt < 1 || attempt >= maxAttempts) {
      throw new IllegalArgumentException("no retry after attempt " + attempt + " of " + maxAttempts);
    }
    Duration delay = initial;
    for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Whether another attempt follows failed attempt number {@code attempt}. */
  public boolean retriesAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** Every wait, in order: {@code maxAttempts - 1} of them. */
  public List<Duration> schedule() {
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      waits.add(delayAfter(attempt));
    }
    return waits;
  }
}
