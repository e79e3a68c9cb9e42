package io.newsdelta.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.IngestConfig.GeometricRecheck;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.watch.ArticleChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** News Sniffer's schedule, alone and as the checks of an article of a geometric feed use it. */
class GeometricScheduleTest {
  private static final Instant SEEN = Instant.parse("2026-12-01T10:00:00Z");
  private static final String FEED = "https://news.example/sitemap.xml";
  private static final Duration MIN30 = Duration.ofMinutes(30);
  private final GeometricSchedule sniffer = new GeometricSchedule(GeometricRecheck.DEFAULT);
  private final RecheckSchedule schedule = new RecheckSchedule(List.of(Duration.ofMinutes(5)));

  @Test
  void shouldPutTheFirstRecheckThirtyMinutesAfterFirstSeen() {
    assertThat(sniffer.next(SEEN, 0, null, SEEN.plusSeconds(3), true)).contains(SEEN.plus(MIN30));
    // A first fetch made late (after downtime) is not followed by a check in the past.
    assertThat(sniffer.next(SEEN, 0, null, SEEN.plus(Duration.ofHours(2)), true))
        .contains(SEEN.plus(Duration.ofHours(2)).plus(MIN30));
  }

  @Test
  void shouldLengthenTheGapBy1point2AtEachUnchangedCheck() {
    Instant at = SEEN.plus(MIN30);
    // Changed (published) at first sight; unchanged at 30 min: the next gap is 36 min, then 43.2, then 51.84.
    assertThat(sniffer.next(SEEN, 1, SEEN, at, false)).contains(at.plus(Duration.ofMinutes(36)));
    at = at.plus(Duration.ofMinutes(36));
    assertThat(sniffer.next(SEEN, 2, SEEN, at, false)).contains(at.plus(Duration.ofSeconds(43 * 60 + 12)));
    at = at.plusSeconds(43 * 60 + 12);
    assertThat(sniffer.next(SEEN, 3, SEEN, at, false)).contains(at.plusMillis(3_110_400));
  }

  @Test
  void shouldGoBackToThirtyMinutesAfterAChange() {
    Instant late = SEEN.plus(Duration.ofDays(3));

    assertThat(sniffer.next(SEEN, 12, SEEN, late, true)).contains(late.plus(MIN30));
  }

  @Test
  void shouldRetireTheArticleOnceTheGapPassesFortyDays() {
    // The gap after an unchanged check is 30 min + 0.2 × the time unchanged: past 40 days once that time
    // passes (40 d − 30 min) / 0.2.
    Duration limit = Duration.ofDays(40).minus(MIN30).multipliedBy(5);
    assertThat(sniffer.next(SEEN, 40, SEEN, SEEN.plus(limit), false)).contains(SEEN.plus(limit).plus(Duration.ofDays(40)));
    assertThat(sniffer.next(SEEN, 41, SEEN, SEEN.plus(limit).plusSeconds(1), false)).isEmpty();
  }

  @Test
  void shouldFollowTheConfiguredNumbers() {
    GeometricSchedule fast = new GeometricSchedule(new GeometricRecheck(Duration.ofMinutes(10), 2.0,
        Duration.ofHours(1)));
    Instant at = SEEN.plus(Duration.ofMinutes(10));

    assertThat(fast.next(SEEN, 0, null, SEEN, true)).contains(SEEN.plus(Duration.ofMinutes(10)));
    assertThat(fast.next(SEEN, 1, SEEN, at, false)).contains(at.plus(Duration.ofMinutes(20)));
    assertThat(fast.next(SEEN, 3, SEEN, SEEN.plus(Duration.ofMinutes(70)), false)).isEmpty();
  }

  @Test
  void shouldDriveTheChecksOfAGeometricFeedAndLeaveOtherFeedsOnTheGaps() {
    schedule.use(FEED, "geometric");
    ArticleState article = ArticleState.discovered("https://news.example/a", "https://news.example/a", FEED, SEEN);
    List<Duration> gaps = new ArrayList<>();
    ArticleState s = check(article, "v1", SEEN);
    Instant previous = SEEN;
    for (int i = 0; i < 3; i++) {
      Instant at = s.nextCheckAt();
      gaps.add(Duration.between(previous, at));
      previous = at;
      s = i == 2 ? check(s, "v2", at) : i == 1
          ? ArticleChecks.afterFailure(s, schedule, ErrorKind.PAGE_UNREACHABLE, at).state()
          : ArticleChecks.afterNotModified(s, schedule, at).state();
    }
    gaps.add(Duration.between(previous, s.nextCheckAt()));

    // 30 min; unchanged (304) → 36; a failure counts as unchanged → 43.2; a change → back to 30.
    assertThat(gaps).containsExactly(MIN30, Duration.ofMinutes(36), Duration.ofSeconds(43 * 60 + 12), MIN30);

    ArticleState other = check(ArticleState.discovered("https://news.example/b", "https://news.example/b",
        "https://news.example/rss", SEEN), "v1", SEEN);
    assertThat(other.nextCheckAt()).isEqualTo(SEEN.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldRetireAnUnchangedArticleAndCostNothingAfter() {
    schedule.use(FEED, "geometric");
    ArticleState s = check(ArticleState.discovered("https://news.example/a", "https://news.example/a", FEED, SEEN),
        "v1", SEEN);
    int checks = 1;
    while (s.nextCheckAt() != null && checks < 100) {
      s = ArticleChecks.afterNotModified(s, schedule, s.nextCheckAt()).state();
      checks++;
    }

    // 30 min × 1.2^k passes 40 days at k = 42: the first fetch and 42 re-checks, then none.
    assertThat(s.nextCheckAt()).isNull();
    assertThat(checks).isEqualTo(43);
  }

  private ArticleState check(ArticleState before, String body, Instant at) {
    RawVersion v = new RawVersion(before.articleId(), before.url(), before.feedUrl(), at, 200, "text/html",
        Hashes.sha256(body), body);
    return ArticleChecks.afterFetch(before, schedule, v, Hashes.sha256("text " + body), null, null).state();
  }
}
