package io.newsdelta.ingest.schedule;

import io.newsdelta.config.IngestConfig.GeometricRecheck;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.ingest.state.ArticleState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an article is fetched next, following the pinned meaning of {@code ingest.article-recheck}: the
 * list holds gaps; the first re-check comes the first gap after the article was first seen, each next one
 * the next gap after the previous check (the time that check actually ran, so a service that was down
 * does not catch up with a burst of checks); after the last gap, no more checks.
 *
 * <p>The first fetch, at discovery, is not a re-check: an article that has had {@code n} fetches
 * (successful or not) has had {@code n - 1} re-checks.
 *
 * <p>A feed registered with {@code schedule: geometric} has its articles re-checked on News Sniffer's
 * {@link GeometricSchedule} instead ({@link #use(String, String)}); an article follows the schedule of the
 * feed it was first found in, whether or not the feed still lists it. Thread-safe.
 */
public final class RecheckSchedule {
  private final List<Duration> gaps;
  private final GeometricSchedule geometric;
  /** Feeds whose articles follow the geometric schedule; every other feed's follow the gaps. */
  private final Map<String, Boolean> geometricFeeds = new ConcurrentHashMap<>();

  /**
   * @param gaps the configured gaps, each positive
   * @throws IllegalArgumentException when a gap is zero or negative
   */
  public RecheckSchedule(List<Duration> gaps) {
    this(gaps, GeometricRecheck.DEFAULT);
  }

  /**
   * @param gaps the configured gaps, each positive
   * @param geometric the numbers of the geometric schedule
   * @throws IllegalArgumentException when a gap is zero or negative
   */
  public RecheckSchedule(List<Duration> gaps, GeometricRecheck geometric) {
    this.geometric = new GeometricSchedule(geometric);
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

  /**
   * Sets the schedule of a feed's articles.
   *
   * @param feedUrl the feed
   * @param schedule {@value FeedRegistration#SCHEDULE_GEOMETRIC}, or anything else (null included) for the gaps
   */
  public void use(String feedUrl, String schedule) {
    if (FeedRegistration.SCHEDULE_GEOMETRIC.equals(schedule)) {
      geometricFeeds.put(feedUrl, Boolean.TRUE);
    } else {
      geometricFeeds.remove(feedUrl);
    }
  }

  /** Whether the articles of {@code feedUrl} follow the geometric schedule. */
  public boolean geometric(String feedUrl) {
    return feedUrl != null && geometricFeeds.containsKey(feedUrl);
  }

  /**
   * When an article is checked next, after the check at {@code at} that followed state {@code before}, on the
   * schedule of its feed.
   *
   * @param before the article's state before the check
   * @param at when the check ran
   * @param changed whether it found a changed text (or the first text)
   * @return the next check, or empty when no check is left
   */
  public Optional<Instant> after(ArticleState before, Instant at, boolean changed) {
    if (geometric(before.feedUrl())) {
      return geometric.next(before.firstSeen(), before.fetches(), before.lastPublishedAt(), at, changed);
    }
    Optional<Instant> next = nextCheck(before.firstSeen(), before.fetches() + 1, at);
    // A first fetch made after the first gap had passed (a restart after downtime) must not leave a due time
    // in the past behind it: the re-check then comes that gap after the fetch.
    return next.map(n -> n.isBefore(at) ? at.plus(gaps.get(before.fetches())) : n);
  }

  /** Whether a fetch scheduled at {@code dueAt} should run at {@code now}. */
  public static boolean isDue(Instant dueAt, Instant now) {
    return dueAt != null && !dueAt.isAfter(now);
  }
}
