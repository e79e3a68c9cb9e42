package io.newsdelta.notifier.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long to wait between delivery attempts: about {@code initial} after the first failure, doubled after each
 * next one, never more than {@code max}; each wait is drawn at random between half and all of that ("equal
 * jitter"), so endpoints that failed together are not all retried in the same instant.
 *
 * @param initial the wait after the first failed attempt (zero retries at once)
 * @param maxAttempts attempts in all, at least 1
 * @param max the longest single wait; also the longest {@code Retry-After} honoured
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
   * The longest wait after failed attempt number {@code attempt} (1-based) before the next one.
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

  /**
   * The wait actually taken after failed attempt {@code attempt}: {@link #delayAfter} with jitter, or the
   * endpoint's {@code Retry-After} when that is longer (capped at {@link #max}).
   *
   * @param random a draw in [0, 1)
   * @param retryAfter what the endpoint asked for, or null
   */
  public Duration waitAfter(int attempt, DoubleSupplier random, Duration retryAfter) {
    Duration full = delayAfter(attempt);
    long half = full.toNanos() / 2;
    Duration jittered = Duration.ofNanos(half + (long) (random.getAsDouble() * (full.toNanos() - half)));
    if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
      return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
    return jittered;
  }

  /** Whether another attempt follows failed attempt number {@code attempt}. */
  public boolean retriesAfter(int attempt) {
    return attempt < maxAttempts;
  }
}
