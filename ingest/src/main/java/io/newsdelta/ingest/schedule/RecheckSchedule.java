package io.newsdelta.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When an article is fetched next, following the pinned meaning of {@code ingest.article-recheck}: the
 * list holds gaps; the first re-check comes the first gap after the article was first seen, each next one
 * the next gap after the previous check (the time that check actually ran, so a service that was down
 * does not catch up with a burst of checks); after the last gap, no more checks.
 *
 * <p>The first fetch, at discovery, is not a re-check: an article that has had {@code n} fetches
 * (successful or not) has had {@code n - 1} re-checks.
 */
public final class RecheckSchedule {
  private final List<Duration> gaps;

  /**
   * @param gaps the configured gaps, each positive
   * @throws IllegalArgumentException when a gap is zero or negative
   */
  public RecheckSchedule(List<Duration> gaps) {
    this.gaps = List.copyOf(Objects.requireNonNull(gaps, "gaps"));
    for (Duration gap : this.gaps) {
      if (gap.isZero() || gap.isNegative()) {
        throw new IllegalArgumentException("ingest.article-recheck gaps must be positive, got " + gap);
      }
    }
  }

  /** The configured gaps. */
  public List<Duration> gaps() {
    return gaps;
  }

  /**
   * When the next fetch of an article is due, after a fetch has just been made.
   *
   * @param firstSeen when the article was first seen in a feed
   * @param fetchesDone fetches made so far, including the one just made (at least 1)
   * @param lastFetchAt when the fetch just made ran
   * @return the time of the next re-check, or empty when the schedule is over
   */
  public Optional<Instant> nextCheck(Instant firstSeen, int fetchesDone, Instant lastFetchAt) {
    if (fetchesDone < 1) {
      throw new IllegalArgumentException("fetchesDone must be at least 1, got " + fetchesDone);
    }
    int recheckIndex = fetchesDone - 1; // 0 = the first re-check is the one to schedule
    if (recheckIndex >= gaps.size()) {
      return Optional.empty();
    }
    Instant from = recheckIndex == 0 ? firstSeen : lastFetchAt;
    return Optional.of(from.plus(gaps.get(recheckIndex)));
  }

  /** Whether a fetch scheduled at {@code dueAt} should run at {@code now}. */
  public static boolean isDue(Instant dueAt, Instant now) {
    return dueAt != null && !dueAt.isAfter(now);
  }
}
