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
    Outcome o = fetch(NEW, "<p>one</p>", SEEN.plusSeconds(2));

    assertThat(o.publish()).isTrue();
    assertThat(o.state().fetches()).isEqualTo(1);
    assertThat(o.state().lastPublishedSha256()).isEqualTo(Hashes.sha256("<p>one</p>"));
    assertThat(o.state().lastPublishedAt()).isEqualTo(SEEN.plusSeconds(2));
    assertThat(o.state().nextCheckAt()).isEqualTo(SEEN.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldNotPublishAnUnchangedBodyButStillMoveTheSchedule() {
    ArticleState first = fetch(NEW, "<p>one</p>", SEEN).state();
    Instant recheck = SEEN.plus(Duration.ofMinutes(5));

    Outcome o = fetch(first, "<p>one</p>", recheck);

    assertThat(o.publish()).isFalse();
    assertThat(o.state().fetches()).isEqualTo(2);
    assertThat(o.state().lastPublishedAt()).isEqualTo(SEEN);
    assertThat(o.state().nextCheckAt()).isEqualTo(recheck.plus(Duration.ofMinutes(15)));
  }

  @Test
  void shouldPublishAChangedBodyAndEndTheScheduleAfterTheLastGap() {
    ArticleState s = fetch(NEW, "<p>one</p>", SEEN).state();
    s = fetch(s, "<p>one</p>", SEEN.plusSeconds(300)).state();

    Outcome o = fetch(s, "<p>two</p>", SEEN.plusSeconds(1200));

    assertThat(o.publish()).isTrue();
    assertThat(o.state().lastPublishedSha256()).isEqualTo(Hashes.sha256("<p>two</p>"));
    assertThat(o.state().nextCheckAt()).isNull();
  }

  @Test
  void shouldCompareWithTheLastPublishedBodyNotTheLastFetchedOne() {
    ArticleState published = fetch(NEW, "<p>one</p>", SEEN).state();
    ArticleState failed =
        ArticleChecks.afterFailure(published, SCHEDULE, ErrorKind.PAGE_HTTP_STATUS, SEEN.plusSeconds(300)).state();

    Outcome o = fetch(failed, "<p>one</p>", SEEN.plusSeconds(1200));

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

  @Test
  void shouldNotPublishABoilerplateReRenderWhoseTextIsTheSame() {
    ArticleState first = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p><i>10:00</i>", SEEN), "text-1",
        "\"v1\"", null).state();

    Outcome rerender = ArticleChecks.afterFetch(first, SCHEDULE, version("<p>one</p><i>10:05</i>",
        SEEN.plusSeconds(300)), "text-1", "\"v2\"", null);
    Outcome edit = ArticleChecks.afterFetch(rerender.state(), SCHEDULE, version("<p>two</p><i>10:20</i>",
        SEEN.plusSeconds(1200)), "text-2", "\"v3\"", null);

    assertThat(rerender.publish()).isFalse();
    assertThat(rerender.state().lastPublishedSha256()).isEqualTo(first.lastPublishedSha256());
    assertThat(rerender.state().etag()).isEqualTo("\"v2\"");
    assertThat(rerender.state().textSha256()).isEqualTo("text-1");
    assertThat(edit.publish()).isTrue();
    assertThat(edit.state().textSha256()).isEqualTo("text-2");
    assertThat(edit.state().lastPublishedSha256()).isEqualTo(Hashes.sha256("<p>two</p><i>10:20</i>"));
  }

  @Test
  void shouldCountA304AsAnUnchangedCheckAndKeepTheValidators() {
    ArticleState first = ArticleChecks.afterFetch(NEW, SCHEDULE, version("<p>one</p>", SEEN), "t", "\"v1\"",
        "Sat, 01 Mar 2025 10:00:00 GMT").state();

    Outcome o = ArticleChecks.afterNotModified(first, SCHEDULE, SEEN.plusSeconds(300));

    assertThat(o.publish()).isFalse();
    assertThat(o.state().fetches()).isEqualTo(2);
    assertThat(o.state().etag()).isEqualTo("\"v1\"");
    assertThat(o.state().lastModified()).isEqualTo("Sat, 01 Mar 2025 10:00:00 GMT");
    assertThat(o.state().nextCheckAt()).isEqualTo(SEEN.plusSeconds(300).plus(Duration.ofMinutes(15)));
  }

  @Test
  void shouldNotCountACheckTheSiteAskedToRetryLater() {
    Outcome o = ArticleChecks.afterRetryLater(NEW, SEEN.plusSeconds(120));

    assertThat(o.state().fetches()).isZero();
    assertThat(o.state().nextCheckAt()).isEqualTo(SEEN.plusSeconds(120));
    assertThat(o.reportError()).isFalse();
  }

  @Test
  void shouldNeverLeaveANextCheckInThePastAfterALateFirstFetch() {
    Instant late = SEEN.plus(Duration.ofHours(1));

    Outcome o = ArticleChecks.afterFailure(NEW, SCHEDULE, ErrorKind.PAGE_UNREACHABLE, late);

    assertThat(o.state().nextCheckAt()).isEqualTo(late.plus(Duration.ofMinutes(5)));
  }

  private static Outcome fetch(ArticleState before, String body, Instant at) {
    // Here the text is the body itself: every byte change is a text change.
    return ArticleChecks.afterFetch(before, SCHEDULE, version(body, at), Hashes.sha256("text " + body), null, null);
  }

  private static RawVersion version(String body, Instant at) {
    return new RawVersion("http://x/a", "http://x/a", "http://x/rss", at, 200, "text/html", Hashes.sha256(body), body);
  }
}
