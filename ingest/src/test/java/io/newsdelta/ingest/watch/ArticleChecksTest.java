package io.newsdelta.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.watch.ArticleChecks.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleChecksTest {
  private static final Instant SEEN = Instant.parse("2025-03-01T10:00:00Z");
  private static final RecheckSchedule SCHEDULE =
      new RecheckSchedule(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15)));
  private static final ArticleState NEW = ArticleState.discovered("http://x/a", "http://x/a", "http://x/rss", SEEN);

  @Test
  void shouldPublishTheFirstFetchAndScheduleTheFirstRecheckFromFirstSeen() {
    Outcome o = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p>", SEEN.plusSeconds(2)));

    assertThat(o.publish()).isTrue();
    assertThat(o.state().fetches()).isEqualTo(1);
    assertThat(o.state().lastPublishedSha256()).isEqualTo(Hashes.sha256("<p>one</p>"));
    assertThat(o.state().lastPublishedAt()).isEqualTo(SEEN.plusSeconds(2));
    assertThat(o.state().nextCheckAt()).isEqualTo(SEEN.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldNotPublishAnUnchangedBodyButStillMoveTheSchedule() {
    ArticleState first = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p>", SEEN)).state();
    Instant recheck = SEEN.plus(Duration.ofMinutes(5));

    Outcome o = ArticleChecks.afterFetch(first, SCHEDULE, version("<p>one</p>", recheck));

    assertThat(o.publish()).isFalse();
    assertThat(o.state().fetches()).isEqualTo(2);
    assertThat(o.state().lastPublishedAt()).isEqualTo(SEEN);
    assertThat(o.state().nextCheckAt()).isEqualTo(recheck.plus(Duration.ofMinutes(15)));
  }

  @Test
  void shouldPublishAChangedBodyAndEndTheScheduleAfterTheLastGap() {
    ArticleState s = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p>", SEEN)).state();
    s = ArticleChecks.afterFetch(s, SCHEDULE, version("<p>one</p>", SEEN.plusSeconds(300))).state();

    Outcome o = ArticleChecks.afterFetch(s, SCHEDULE, version("<p>two</p>", SEEN.plusSeconds(1200)));

    assertThat(o.publish()).isTrue();
    assertThat(o.state().lastPublishedSha256()).isEqualTo(Hashes.sha256("<p>two</p>"));
    assertThat(o.state().nextCheckAt()).isNull();
  }

  @Test
  void shouldCompareWithTheLastPublishedBodyNotTheLastFetchedOne() {
    ArticleState published = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p>", SEEN)).state();
    ArticleState failed =
        ArticleChecks.afterFailure(published, SCHEDULE, ErrorKind.PAGE_HTTP_STATUS, SEEN.plusSeconds(300)).state();

    Outcome o = ArticleChecks.afterFetch(failed, SCHEDULE, version("<p>one</p>", SEEN.plusSeconds(1200)));

    assertThat(o.publish()).isFalse();
    assertThat(o.recovered()).isTrue();
    assertThat(o.state().lastErrorKind()).isNull();
  }

  @Test
  void shouldRetryAFailedFirstFetchAtTheFirstGapAndReportTheFailureOnce() {
    Outcome first = ArticleChecks.afterFailure(NEW, SCHEDULE, ErrorKind.PAGE_HTTP_STATUS, SEEN.plusSeconds(1));
    Outcome again =
        ArticleChecks.afterFailure(first.state(), SCHEDULE, ErrorKind.PAGE_HTTP_STATUS, SEEN.plusSeconds(301));
    Outcome different =
        ArticleChecks.afterFailure(again.state(), SCHEDULE, ErrorKind.PAGE_UNREACHABLE, SEEN.plusSeconds(1300));

    assertThat(first.reportError()).isTrue();
    assertThat(first.publish()).isFalse();
    assertThat(first.state().nextCheckAt()).isEqualTo(SEEN.plus(Duration.ofMinutes(5)));
    assertThat(first.state().lastPublishedSha256()).isNull();
    assertThat(first.state().lastErrorKind()).isEqualTo("page-http-status");
    assertThat(again.reportError()).isFalse();
    assertThat(different.reportError()).isTrue();
    assertThat(different.state().nextCheckAt()).isNull();
  }

  private static RawVersion version(String body, Instant at) {
    return new RawVersion("http://x/a", "http://x/a", "http://x/rss", at, 200, "text/html", Hashes.sha256(body), body);
  }
}
