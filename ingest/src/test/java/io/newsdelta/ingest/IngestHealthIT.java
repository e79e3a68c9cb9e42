package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.health.FeedStatus;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.net.AddressPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks that stop are alerts: a stale feed, a failing feed and a lagging instance each give one event when the
 * state starts and one when it ends, a gauge, a health problem, and the feed's status on newsdelta.feeds.status.
 */
class IngestHealthIT {
  @RegisterExtension final IngestTestSite site = new IngestTestSite();

  private static IngestConfig.Health health(Duration stale, Duration failing, Duration lag) {
    return new IngestConfig.Health(stale, failing, lag, Duration.ofSeconds(1));
  }

  @Test
  void shouldReportAStaleFeedOnceAndOnceMoreWhenItListsANewItem() {
    URI feed = site.web().url("/rss");
    URI first = site.web().url("/news/first");
    URI second = site.web().url("/news/second");
    site.web().serve("/rss", "application/rss+xml", rss(first));
    site.web().serve("/news/first", "text/html", page("First", "One."));
    site.web().serve("/news/second", "text/html", page("Second", "Two."));
    IngestConfig config = config(List.of(feed), Duration.ofMillis(300), Duration.ofHours(1))
        .withHealth(health(Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO));
    // The feed's time is this clock's: it is quiet for 31 minutes only when the test says so.
    MutableClock clock = new MutableClock(java.time.Instant.now());

    try (ServiceMetrics metrics = new ServiceMetrics();
        IngestService ingest = new IngestService(config, site.bootstrap(), clock)
            .withAddressPolicy(AddressPolicy.WITH_LOOPBACK).observe(metrics)) {
      ingest.start();
      await().atMost(WAIT).until(() -> status(feed).filter(s -> s.health().equals("ok") && s.items() == 1).isPresent());
      assertThat(kinds(feed)).doesNotContain("feed-stale");

      clock.advance(Duration.ofMinutes(31));
      await().atMost(WAIT).until(() -> kinds(feed).contains("feed-stale"));
      assertThat(ingest.healthProblems()).hasValueSatisfying(d -> assertThat(d).contains("1 feeds stale (" + feed + ")"));
      assertThat(ingest.notReady()).isEmpty();
      assertThat(metrics.scrape()).contains("newsdelta_feeds_stale 1.0");
      await().atMost(WAIT).until(() -> status(feed).filter(s -> s.health().equals("stale")).isPresent());
      int polls = site.web().hits("/rss");
      await().atMost(WAIT).until(() -> site.web().hits("/rss") >= polls + 3);

      site.web().serve("/rss", "application/rss+xml", rss(second, first));
      await().atMost(WAIT).until(() -> kinds(feed).contains("feed-fresh"));
      await().atMost(WAIT).until(() -> ingest.healthProblems().isEmpty());
      assertThat(metrics.scrape()).contains("newsdelta_feeds_stale 0.0");
      await().atMost(WAIT).until(() -> status(feed).filter(s -> s.health().equals("ok") && s.items() == 2).isPresent());
      // Polls went on all along: still one event each way.
      assertThat(kinds(feed)).filteredOn(k -> k.startsWith("feed-stale") || k.startsWith("feed-fresh"))
          .containsExactly("feed-stale", "feed-fresh");
    }
    IngestError stale = errors(feed).stream().filter(e -> e.kind().equals("feed-stale")).findFirst().orElseThrow();
    assertThat(stale.feedUrl()).isEqualTo(feed.toString());
    assertThat(stale.message()).contains("has listed no new item", "ingest.stale-after");
  }

  @Test
  void shouldReportAFailingFeedOnceWithItsLastErrorAndItsRecoveryOnce() {
    URI feed = site.web().url("/broken/rss");
    site.web().serve("/broken/rss", 500, "text/plain", "down for maintenance");
    IngestConfig config = config(List.of(feed), Duration.ofMillis(300), Duration.ofHours(1))
        .withHealth(health(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO));

    try (IngestService ingest =
        new IngestService(config, site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> kinds(feed).contains("feed-failing"));
      assertThat(ingest.healthProblems()).hasValueSatisfying(d -> assertThat(d).contains("1 feeds failing (" + feed + ")"));
      await().atMost(WAIT).until(() -> status(feed)
          .filter(s -> s.health().equals("failing") && s.consecutiveFailures() >= 2).isPresent());
      FeedStatus failing = status(feed).orElseThrow();
      assertThat(failing.lastOutcome()).isEqualTo("failed");
      assertThat(failing.lastError()).contains("returned HTTP 500");
      assertThat(failing.owner()).isNotBlank();

      site.web().serve("/broken/rss", "application/rss+xml", rss());
      await().atMost(WAIT).until(() -> kinds(feed).contains("feed-recovered"));
      await().atMost(WAIT).until(() -> status(feed).filter(s -> s.health().equals("ok")).isPresent());
      assertThat(status(feed).orElseThrow().lastError()).isNull();
    }
    // The poller's own error, then the alert and its end, each once.
    assertThat(kinds(feed)).containsExactly("feed-http-status", "feed-failing", "feed-recovered");
    assertThat(errors(feed).get(1).message()).contains("has failed every poll", "returned HTTP 500", "feeds remove");
  }

  @Test
  void shouldReportAnInstanceThatFallsBehindItsScheduleAndWhenItIsBackOnIt() {
    URI feed = site.web().url("/slow/rss");
    URI one = site.web().url("/slow/one");
    URI two = site.web().url("/slow/two");
    site.web().serve("/slow/rss", "application/rss+xml", rss(one, two));
    site.web().serve("/slow/one", "text/html", page("One", "One."));
    site.web().serve("/slow/two", "text/html", page("Two", "Two."));
    IngestConfig c = config(List.of(feed), Duration.ofMillis(300), Duration.ofHours(1));
    // One request to the host per hour: the second article's first fetch waits, overdue, behind the first.
    IngestConfig slow = c.toBuilder().hostConcurrency(1).hostMinGap(Duration.ofHours(1))
        .hosts(List.of()).build().withHealth(health(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));

    try (ServiceMetrics metrics = new ServiceMetrics();
        IngestService ingest = new IngestService(slow, site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)
            .observe(metrics)) {
      ingest.start();
      await().atMost(WAIT).until(() -> lagKinds().contains("ingest-lagging"));
      assertThat(ingest.healthProblems()).hasValueSatisfying(d -> assertThat(d).contains("behind its schedule"));
      assertThat(metrics.scrape()).contains("newsdelta_ingest_lagging 1.0");

      // Without the feed, its articles are not this instance's to check: nothing is overdue any more.
      Fixtures.unregister(site.bootstrap(), feed);
      await().atMost(WAIT).until(() -> lagKinds().contains("ingest-caught-up"));
      assertThat(metrics.scrape()).contains("newsdelta_ingest_lagging 0.0");
      assertThat(lagKinds()).containsExactly("ingest-lagging", "ingest-caught-up");
      IngestError lagging = lagErrors().get(0);
      assertThat(lagging.message()).contains("is behind its schedule", "ingest.lag-after");
      assertThat(lagging.feedUrl()).isNull();
      assertThat(readAll(SharedBroker.bootstrapServers(), Topics.INGEST_ERRORS)).allSatisfy(r -> assertThat(r.key()).isNotNull());
    }
  }

  private static List<IngestError> allErrors() {
    return readAll(SharedBroker.bootstrapServers(), Topics.INGEST_ERRORS).stream()
        .map(r -> Json.read(r.value(), IngestError.class)).toList();
  }

  private List<IngestError> lagErrors() {
    // The lag events name no feed: this test's are those naming an instance of this run after its start.
    return allErrors().stream().filter(e -> e.feedUrl() == null && e.url() == null)
        .filter(e -> e.kind().startsWith("ingest-")).filter(e -> e.at().isAfter(started)).toList();
  }

  private final java.time.Instant started = java.time.Instant.now();

  private List<String> lagKinds() {
    return lagErrors().stream().map(IngestError::kind).toList();
  }

  private static List<IngestError> errors(URI feed) {
    return allErrors().stream().filter(e -> feed.toString().equals(e.feedUrl()) && e.url() == null).toList();
  }

  private static List<String> kinds(URI feed) {
    return errors(feed).stream().map(IngestError::kind).toList();
  }

  private static Optional<FeedStatus> status(URI feed) {
    List<ConsumerRecord<String, String>> records = readAll(SharedBroker.bootstrapServers(), Topics.FEEDS_STATUS)
        .stream().filter(r -> feed.toString().equals(r.key())).toList();
    if (records.isEmpty() || records.get(records.size() - 1).value() == null) {
      return Optional.empty();
    }
    return Optional.of(Json.read(records.get(records.size() - 1).value(), FeedStatus.class));
  }
}
