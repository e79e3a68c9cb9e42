package io.newsdelta.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.health.FeedHealth.Transition;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedHealthTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final IngestConfig.Health CONFIG =
      new IngestConfig.Health(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(1));
  private static final String FEED = "https://news.example/rss";

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static List<ErrorKind> kinds(List<Transition> transitions) {
    return transitions.stream().map(Transition::kind).toList();
  }

  @Test
  void shouldReportFailingOnceAfterTheThresholdAndTheRecoveryOnce() {
    FeedHealth feed = new FeedHealth(FEED, "feed", T0);
    feed.polled(at(0), Outcome.PARSED, Set.of("a"));
    feed.polled(at(5), Outcome.FAILED, Set.of());
    feed.failed("Feed " + FEED + " returned HTTP 500");
    assertThat(feed.evaluate(at(20), CONFIG)).isEmpty();
    feed.polled(at(30), Outcome.FAILED, Set.of());

    List<Transition> failing = feed.evaluate(at(36), CONFIG);
    assertThat(kinds(failing)).containsExactly(ErrorKind.FEED_FAILING);
    assertThat(failing.get(0).message()).contains("31 min", "2 polls", "HTTP 500", "feeds remove " + FEED);
    assertThat(feed.health()).isEqualTo("failing");
    feed.polled(at(40), Outcome.FAILED, Set.of());
    assertThat(feed.evaluate(at(41), CONFIG)).isEmpty();

    feed.polled(at(45), Outcome.NOT_MODIFIED, Set.of());
    assertThat(kinds(feed.evaluate(at(45), CONFIG))).containsExactly(ErrorKind.FEED_RECOVERED);
    assertThat(feed.evaluate(at(46), CONFIG)).isEmpty();
    assertThat(feed.status("me", at(46))).satisfies(s -> {
      assertThat(s.consecutiveFailures()).isZero();
      assertThat(s.errors()).isEqualTo(3);
      assertThat(s.lastError()).isNull();
      assertThat(s.health()).isEqualTo("ok");
    });
  }

  @Test
  void shouldReportStaleOnceWhenNoNewItemComesAndFreshOnceOneDoes() {
    FeedHealth feed = new FeedHealth(FEED, "feed", T0);
    feed.polled(at(0), Outcome.PARSED, Set.of("a", "b"));
    feed.polled(at(30), Outcome.PARSED, Set.of("b", "a"));
    feed.polled(at(50), Outcome.NOT_MODIFIED, Set.of());
    assertThat(feed.evaluate(at(59), CONFIG)).isEmpty();

    List<Transition> stale = feed.evaluate(at(61), CONFIG);
    assertThat(kinds(stale)).containsExactly(ErrorKind.FEED_STALE);
    assertThat(stale.get(0).message()).contains("61 min", "ingest.stale-after");
    assertThat(feed.evaluate(at(90), CONFIG)).isEmpty();

    feed.polled(at(95), Outcome.PARSED, Set.of("c", "a"));
    assertThat(kinds(feed.evaluate(at(95), CONFIG))).containsExactly(ErrorKind.FEED_FRESH);
    assertThat(feed.status("me", at(95))).satisfies(s -> {
      assertThat(s.items()).isEqualTo(2);
      assertThat(s.lastNewItemAt()).isEqualTo(at(95));
      assertThat(s.health()).isEqualTo("ok");
    });
  }

  @Test
  void shouldAllowAFeedFourTimesItsOwnUsualGapBeforeItIsStale() {
    FeedHealth feed = new FeedHealth(FEED, "feed", T0);
    for (int i = 0; i <= 4; i++) {
      feed.polled(at(i * 120L), Outcome.PARSED, Set.of("item-" + i));
    }
    // New items every 2 h: stale after 8 h, not after the configured hour.
    assertThat(feed.staleThreshold(CONFIG.staleAfter())).isEqualTo(Duration.ofHours(8));
    assertThat(feed.evaluate(at(480 + 400), CONFIG)).isEmpty();
    assertThat(kinds(feed.evaluate(at(480 + 481), CONFIG))).containsExactly(ErrorKind.FEED_STALE);
  }

  @Test
  void shouldNotCallAFailingFeedStaleAsWell() {
    FeedHealth feed = new FeedHealth(FEED, "feed", T0);
    feed.polled(at(1), Outcome.FAILED, Set.of());
    assertThat(kinds(feed.evaluate(at(40), CONFIG))).containsExactly(ErrorKind.FEED_FAILING);
    assertThat(feed.evaluate(at(120), CONFIG)).isEmpty();
    assertThat(feed.health()).isEqualTo("failing");
  }

  @Test
  void shouldDetectNothingWhenTheThresholdsAreZero() {
    IngestConfig.Health off = new IngestConfig.Health(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
    FeedHealth feed = new FeedHealth(FEED, "feed", T0);
    feed.polled(at(1), Outcome.FAILED, Set.of());
    assertThat(feed.evaluate(at(100_000), off)).isEmpty();
    assertThat(feed.health()).isEqualTo("ok");
  }
}
