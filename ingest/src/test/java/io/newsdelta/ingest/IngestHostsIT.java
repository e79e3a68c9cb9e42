package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.USER_AGENT;
import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.host.HostBackoff;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.CountingSite;
import io.newsdelta.testsupport.CountingSite.Page;
import io.newsdelta.testsupport.StallingReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hosts that fail or stall, against a real broker and loopback sites: a failing host backs off and is reported
 * once per state change, then recovers; a stalled feed holds only its own request, for at most the fetch timeout.
 */
class IngestHostsIT {
  @AfterEach
  void forgetFeeds() {
    Fixtures.forgetAllFeeds(bootstrap());
  }

  private static String bootstrap() {
    return SharedBroker.bootstrapServers();
  }

  private static IngestConfig config(List<FeedConfig> feeds, Duration fetchTimeout) {
    return IngestConfig.builder().feeds(feeds).feedPollInterval(Duration.ofSeconds(1))
        .articleRecheck(List.of(Duration.ofHours(1))).fetchTimeout(fetchTimeout).maxPageBytes(256 * 1024)
        .userAgent(USER_AGENT).fetchConcurrency(64).hostConcurrency(1).hostMinGap(Duration.ZERO)
        .robotsTtl(Duration.ofHours(1)).catchUpWindow(Duration.ZERO).build();
  }

  private static List<IngestError> errors(String key) {
    return readAll(bootstrap(), Topics.INGEST_ERRORS).stream().filter(r -> key.equals(r.key()))
        .map(r -> Json.read(r.value(), IngestError.class)).toList();
  }

  private static String page(int i) {
    return IngestFetchingIT.article("Story " + i, "Story number " + i + " was published.", "x");
  }

  @Test
  void shouldBackOffAFailingHostReportItOncePerChangeAndReportItsRecovery() {
    try (CountingSite failing = CountingSite.start("127.0.0.7"); CountingSite feeds = CountingSite.start("127.0.0.8")) {
      List<URI> articles = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        failing.serve("/s/" + i, Page.of(503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        articles.add(failing.url("/s/" + i));
      }
      feeds.serve("/rss", Page.of(200, "application/rss+xml",
          rss(articles.toArray(URI[]::new)).getBytes(StandardCharsets.UTF_8)));
      String site = failing.url("/").toString();

      try (IngestService ingest = new IngestService(config(List.of(new FeedConfig(feeds.url("/rss"), "t")),
          Duration.ofSeconds(5)), bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        ingest.start();
        // Three failures in a row: the host backs off, reported once.
        await().atMost(WAIT).until(() -> errors(site).stream().anyMatch(e -> e.kind().equals("host-backing-off")));
        // The fourth check waits for the pause (10 s × 0.5 to 1.5), then fails too: the host backs off again,
        // longer, and that is no new state, so no new event.
        await().atMost(WAIT).until(() -> ingest.counters().failures() == 4);
        for (int i = 0; i < 5; i++) {
          failing.serve("/s/" + i, Page.html(page(i)));
        }
        // The fifth waits for the second, longer pause, is answered, and the host is reported back.
        await().atMost(WAIT).until(() -> errors(site).stream().anyMatch(e -> e.kind().equals("host-recovered")));
      }

      List<CountingSite.Request> pages = failing.requests().stream().filter(r -> r.path().startsWith("/s/")).toList();
      assertThat(pages).hasSize(5);
      long firstPause = pages.get(3).startNanos() - pages.get(2).startNanos();
      long secondPause = pages.get(4).startNanos() - pages.get(3).startNanos();
      // Jitter keeps each pause within half to one and a half times its base; the second base is twice the first.
      assertThat(Duration.ofNanos(firstPause)).isBetween(HostBackoff.BASE.dividedBy(2).minusMillis(200),
          HostBackoff.BASE.multipliedBy(3).dividedBy(2).plusSeconds(5));
      assertThat(Duration.ofNanos(secondPause)).isGreaterThanOrEqualTo(HostBackoff.BASE.minusMillis(200));
      assertThat(errors(site)).extracting(IngestError::kind).containsExactly("host-backing-off", "host-recovered");
      assertThat(rawVersions(bootstrap(), ArticleIds.of(articles.get(4).toString()))).hasSize(1);
    }
  }

  @Test
  void shouldTimeOutAStalledFeedWithoutHoldingUpOtherHosts() {
    try (StallingReceiver stalled = StallingReceiver.start(); CountingSite other = CountingSite.start("127.0.0.9")) {
      URI article = other.url("/story");
      other.serve("/story", Page.html(page(1)));
      other.serve("/rss", Page.of(200, "application/rss+xml", rss().getBytes(StandardCharsets.UTF_8)));
      URI stalledFeed = stalled.url();
      // The stalled feed sends its headers and the start of a body, then nothing: only the fetch timeout ends it.
      IngestConfig config = config(List.of(new FeedConfig(stalledFeed, "stalled"),
          new FeedConfig(other.url("/rss"), "other")), Duration.ofSeconds(30));
      // Server times (nanoTime, this JVM) as wall-clock times, to compare with the error event's time.
      Instant wall0 = Instant.now();
      long nano0 = System.nanoTime();

      try (IngestService ingest = new IngestService(config, bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        ingest.start();
        await().atMost(WAIT).until(() -> stalled.requests() >= 1);
        // Only now does the other host's feed list an article: its fetch happens while the stalled poll is open.
        other.serve("/rss", Page.of(200, "application/rss+xml", rss(article).getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> rawVersions(bootstrap(), ArticleIds.of(article.toString())).size() == 1);
        // One poll of the stalled feed at a time: the next waits for this one to end.
        assertThat(stalled.requests()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !errors(stalledFeed.toString()).isEmpty());
      }
      IngestError timedOut = errors(stalledFeed.toString()).get(0);
      assertThat(timedOut.kind()).isEqualTo("feed-unreachable");
      Instant articleFetched = wall0.plusNanos(other.requests("/story").get(0).startNanos() - nano0);
      assertThat(articleFetched).isBefore(timedOut.at());
      assertThat(errors(stalledFeed.toString())).hasSize(1);
    }
  }
}
