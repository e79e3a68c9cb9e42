package io.newsdelta.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.RawVersion.LifecycleKind;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.watch.ArticleChecks.Outcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The confirmation rules of removals, moves and restorations, through {@link ArticleChecks}. */
class RemovalsTest {
  private static final Instant SEEN = Instant.parse("2025-03-01T10:00:00Z");
  private static final String PAGE = "https://news.example/a/1";
  private static final RecheckSchedule SCHEDULE =
      new RecheckSchedule(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30)));
  private static final IngestConfig.Removal RULES = new IngestConfig.Removal(Duration.ofHours(1), 2);
  private static final Removals.Answer GONE_410 = new Removals.Answer(LifecycleKind.REMOVED, 410, null);
  private static final Removals.Answer GONE_404 = new Removals.Answer(LifecycleKind.REMOVED, 404, null);

  private final ArticleState live = ArticleChecks.afterFetch(
      ArticleState.discovered(PAGE, PAGE, "https://news.example/rss", SEEN), SCHEDULE, page("<p>one</p>", SEEN),
      "text <p>one</p>", null, null, PAGE).state();

  @Test
  void shouldAnnounceNothingWhenA404IsFollowedByTheArticleAgain() {
    Outcome once = gone(live, GONE_404, SEEN.plusSeconds(300));
    Outcome back = fetch(once.state(), "<p>one</p>", SEEN.plusSeconds(1200));

    assertThat(once.lifecycle()).isNull();
    assertThat(once.reportError()).isTrue();
    assertThat(once.state().absence().answers()).isEqualTo(1);
    assertThat(back.lifecycle()).isNull();
    assertThat(back.publish()).isFalse();
    assertThat(back.state().absence()).isNull();
  }

  @Test
  void shouldAnnounceARemovalOnceWhen410sComeInARowOverThePeriod() {
    Instant first = SEEN.plusSeconds(300);
    Outcome one = gone(live, GONE_410, first);
    Outcome tooSoon = gone(one.state(), GONE_410, first.plus(Duration.ofMinutes(30)));
    Outcome confirmed = gone(tooSoon.state(), GONE_410, first.plus(Duration.ofHours(1)));
    Outcome again = gone(confirmed.state(), GONE_410, first.plus(Duration.ofHours(3)));

    assertThat(one.lifecycle()).isNull();
    assertThat(tooSoon.lifecycle()).isNull();
    assertThat(confirmed.lifecycle()).isNotNull();
    assertThat(confirmed.lifecycle().kind()).isEqualTo(LifecycleKind.REMOVED);
    assertThat(confirmed.lifecycle().since()).isEqualTo(first);
    assertThat(confirmed.lifecycle().answers()).isEqualTo(3);
    assertThat(confirmed.lifecycle().reason()).isEqualTo("410 Gone");
    assertThat(again.lifecycle()).isNull();
    assertThat(again.reportError()).isFalse();
  }

  @Test
  void shouldNeedTheConfiguredNumberOfAnswersEvenWhenThePeriodHasPassed() {
    IngestConfig.Removal threeAnswers = new IngestConfig.Removal(Duration.ofMinutes(10), 3);
    Outcome one = ArticleChecks.afterGone(live, SCHEDULE, threeAnswers, GONE_410, "page-http-status",
        SEEN.plusSeconds(300));
    Outcome two = ArticleChecks.afterGone(one.state(), SCHEDULE, threeAnswers, GONE_410, "page-http-status",
        SEEN.plus(Duration.ofHours(2)));
    Outcome three = ArticleChecks.afterGone(two.state(), SCHEDULE, threeAnswers, GONE_410, "page-http-status",
        SEEN.plus(Duration.ofHours(3)));

    assertThat(two.lifecycle()).isNull();
    assertThat(three.lifecycle()).isNotNull();
  }

  @Test
  void shouldAnnounceAMoveWithItsTargetWhenRedirectsEndOnAnotherArticle() {
    String target = "https://news.example/a/2-updated-story";
    Removals.Answer moved = new Removals.Answer(LifecycleKind.MOVED, 301, target);

    Outcome one = gone(live, moved, SEEN.plusSeconds(300));
    Outcome confirmed = gone(one.state(), moved, SEEN.plus(Duration.ofHours(2)));

    assertThat(Removals.samePage(live.pageUrl(), URI.create(target))).isFalse();
    assertThat(one.reportError()).isFalse();
    assertThat(confirmed.lifecycle().kind()).isEqualTo(LifecycleKind.MOVED);
    assertThat(confirmed.lifecycle().movedTo()).isEqualTo(target);
    assertThat(confirmed.lifecycle().reason()).isEqualTo("301 Moved Permanently");
  }

  @Test
  void shouldStartAFreshRunWhenTheMoveTargetChanges() {
    Outcome one = gone(live, new Removals.Answer(LifecycleKind.MOVED, 301, "https://news.example/x"),
        SEEN.plusSeconds(300));
    Outcome other = gone(one.state(), new Removals.Answer(LifecycleKind.MOVED, 301, "https://news.example/y"),
        SEEN.plus(Duration.ofHours(2)));

    assertThat(other.lifecycle()).isNull();
    assertThat(other.state().absence().answers()).isEqualTo(1);
    assertThat(other.state().absence().since()).isEqualTo(SEEN.plus(Duration.ofHours(2)));
  }

  @Test
  void shouldNeverTakeTransientFailuresForARemovalNorLetThemEndARun() {
    FetchException unavailable = new FetchException(URI.create(PAGE), FetchException.Reason.HTTP_STATUS, 503, null,
        "HTTP 503", null);
    FetchException timeout = new FetchException(URI.create(PAGE), FetchException.Reason.TIMEOUT, 0, null,
        "no response", null);
    FetchException forbidden = new FetchException(URI.create(PAGE), FetchException.Reason.HTTP_STATUS, 403, null,
        "HTTP 403", null);

    Outcome one = gone(live, GONE_410, SEEN.plusSeconds(300));
    ArticleState after503 = ArticleChecks.afterFailure(one.state(), SCHEDULE, ErrorKind.PAGE_HTTP_STATUS,
        SEEN.plusSeconds(1200)).state();
    Outcome confirmed = gone(after503, GONE_410, SEEN.plus(Duration.ofHours(2)));

    assertThat(Removals.of(unavailable)).isEmpty();
    assertThat(Removals.of(timeout)).isEmpty();
    assertThat(Removals.of(forbidden)).isEmpty();
    assertThat(after503.absence()).isEqualTo(one.state().absence());
    assertThat(confirmed.lifecycle()).isNotNull();
    assertThat(confirmed.lifecycle().since()).isEqualTo(SEEN.plusSeconds(300));
  }

  @Test
  void shouldTakeOnly404And410And451AsRemovalLookingStatuses() {
    for (int status : new int[] {404, 410, 451}) {
      assertThat(Removals.of(new FetchException(URI.create(PAGE), FetchException.Reason.HTTP_STATUS, status, null,
          "HTTP " + status, null))).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(LifecycleKind.REMOVED));
    }
  }

  @Test
  void shouldAnnounceTheRestorationOnceWithThePageItAnswers() {
    ArticleState removed = removed();

    Outcome back = fetch(removed, "<p>one</p>", SEEN.plus(Duration.ofHours(4)));
    Outcome next = fetch(back.state(), "<p>one</p>", SEEN.plus(Duration.ofHours(5)));

    assertThat(back.lifecycle().kind()).isEqualTo(LifecycleKind.RESTORED);
    assertThat(back.lifecycle().since()).isEqualTo(SEEN.plusSeconds(300));
    assertThat(back.publish()).as("the restored event carries the page").isTrue();
    assertThat(back.state().absence()).isNull();
    assertThat(next.lifecycle()).isNull();
    assertThat(next.publish()).isFalse();
  }

  @Test
  void shouldRestoreOnA304Too() {
    Outcome back = ArticleChecks.afterNotModified(removed(), SCHEDULE, SEEN.plus(Duration.ofHours(4)), PAGE);

    assertThat(back.lifecycle().kind()).isEqualTo(LifecycleKind.RESTORED);
    assertThat(back.lifecycle().reason()).isEqualTo("304 Not Modified");
    assertThat(back.state().absence()).isNull();
  }

  @Test
  void shouldCheckAPendingRunInTimeEvenAfterTheScheduleIsOver() {
    ArticleState late = live;
    for (int i = 0; i < 3; i++) {
      late = ArticleChecks.afterNotModified(late, SCHEDULE, SEEN.plusSeconds(60L * (i + 1)), PAGE).state();
    }
    assertThat(late.nextCheckAt()).as("schedule over").isNull();

    Instant at = SEEN.plus(Duration.ofHours(1));
    Outcome one = gone(late, GONE_410, at);

    assertThat(one.state().nextCheckAt()).isEqualTo(at.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldTakeTheSamePageAcrossSchemeWwwTrailingSlashAndTrackingParameters() {
    assertThat(Removals.samePage("http://news.example/a/1", URI.create("https://www.news.example/a/1/?utm_source=x")))
        .isTrue();
    assertThat(Removals.samePage(null, URI.create("https://elsewhere.example/"))).isTrue();
    assertThat(Removals.samePage("https://news.example/a/1", URI.create("https://news.example/politics"))).isFalse();
  }

  @Test
  void shouldKeepTheRunInTheSavedStateSoItSurvivesARestart() {
    ArticleState pending = gone(live, GONE_410, SEEN.plusSeconds(300)).state();

    ArticleState read = Json.read(Json.write(pending), ArticleState.class);
    Outcome confirmed = gone(read, GONE_410, SEEN.plus(Duration.ofHours(2)));

    assertThat(read).isEqualTo(pending);
    assertThat(confirmed.lifecycle()).isNotNull();
  }

  private ArticleState removed() {
    Outcome one = gone(live, GONE_410, SEEN.plusSeconds(300));
    Outcome confirmed = gone(one.state(), GONE_410, SEEN.plus(Duration.ofHours(2)));
    assertThat(confirmed.lifecycle()).isNotNull();
    return confirmed.state();
  }

  private static Outcome gone(ArticleState before, Removals.Answer answer, Instant at) {
    return ArticleChecks.afterGone(before, SCHEDULE, RULES, answer,
        answer.kind() == LifecycleKind.REMOVED ? ErrorKind.PAGE_HTTP_STATUS.kind() : null, at);
  }

  private static Outcome fetch(ArticleState before, String body, Instant at) {
    return ArticleChecks.afterFetch(before, SCHEDULE, page(body, at), "text " + body, null, null, PAGE);
  }

  private static RawVersion page(String body, Instant at) {
    return new RawVersion(PAGE, PAGE, "https://news.example/rss", at, 200, "text/html", Hashes.sha256(body), body);
  }
}
