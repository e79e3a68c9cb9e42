package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.ingest.host.HostGate;
import io.newsdelta.ingest.host.HostLimits;
import io.newsdelta.ingest.websub.HubClient;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.CountingSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One "not before" time per host, whichever request learnt it: a feed's Retry-After holds the host's pages and hub
 * requests, a hub's holds the feed, and a host that keeps failing its feed is left alone by page fetches too. The
 * times are the loopback server's own arrival times.
 */
class HostPauseIT {
  private static final Duration RETRY = Duration.ofSeconds(2);
  /** A little slack for the clocks of a loaded machine: the server stamps arrival after reading the request. */
  private static final long SLACK_MS = 100;

  private static HttpFetcher fetcher(HostGate gate) {
    return HttpFetcher.builder().addressPolicy(AddressPolicy.WITH_LOOPBACK).hostGate(gate)
        .userAgent("newsdelta-it").timeout(Duration.ofSeconds(10)).maxBytes(10_000).build();
  }

  private static HostGate gate() {
    return new HostGate(new HostLimits(4, Duration.ZERO, List.of()));
  }

  private static long millisBetween(CountingSite.Request first, CountingSite.Request then) {
    return TimeUnit.NANOSECONDS.toMillis(then.startNanos() - first.startNanos());
  }

  @Test
  void shouldHoldTheHostsPagesAndHubRequestsUntilAFeedsRetryAfterHasPassed() {
    try (CountingSite site = CountingSite.start("127.0.0.6"); HostGate gate = gate()) {
      site.serve("/feed.xml", CountingSite.Page.of(503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8))
          .withHeader("Retry-After", String.valueOf(RETRY.toSeconds())));
      site.serve("/page", CountingSite.Page.html("<p>page</p>"));
      site.serve("/hub", CountingSite.Page.of(202, "text/plain", new byte[0]));
      HttpFetcher fetcher = fetcher(gate);
      HubClient hub = new HubClient(AddressPolicy.WITH_LOOPBACK, "newsdelta-it", Duration.ofSeconds(10), gate);

      FetchException failure = HttpFetcher.failure(site.url("/feed.xml"),
          fetcher.fetch(site.url("/feed.xml"), Map.of(), type -> true).handle((r, e) -> e).join());
      CompletableFuture<FetchedResponse> page = fetcher.fetch(site.url("/page"), Map.of(), ContentTypes::isHtml);
      CompletableFuture<HubClient.Answer> subscribe = hub.post(site.url("/hub"), Map.of("hub.mode", "subscribe"));

      assertThat(failure.status()).isEqualTo(503);
      assertThat(page.join().status()).isEqualTo(200);
      assertThat(subscribe.join().accepted()).isTrue();
      CountingSite.Request feed = site.requests("/feed.xml").get(0);
      assertThat(millisBetween(feed, site.requests("/page").get(0))).isGreaterThanOrEqualTo(RETRY.toMillis() - SLACK_MS);
      assertThat(millisBetween(feed, site.requests("/hub").get(0))).isGreaterThanOrEqualTo(RETRY.toMillis() - SLACK_MS);
    }
  }

  @Test
  void shouldHoldTheFeedUntilAHubsRetryAfterHasPassed() {
    try (CountingSite site = CountingSite.start("127.0.0.7"); HostGate gate = gate()) {
      site.serve("/hub", CountingSite.Page.of(503, "text/plain", new byte[0])
          .withHeader("Retry-After", String.valueOf(RETRY.toSeconds())));
      site.serve("/feed.xml", CountingSite.Page.of(200, "application/rss+xml",
          "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8)));
      HubClient hub = new HubClient(AddressPolicy.WITH_LOOPBACK, "newsdelta-it", Duration.ofSeconds(10), gate);

      assertThat(hub.post(site.url("/hub"), Map.of("hub.mode", "subscribe")).join().status()).isEqualTo(503);
      FetchedResponse feed = fetcher(gate).fetch(site.url("/feed.xml"), Map.of(), type -> true).join();

      assertThat(feed.status()).isEqualTo(200);
      assertThat(millisBetween(site.requests("/hub").get(0), site.requests("/feed.xml").get(0)))
          .isGreaterThanOrEqualTo(RETRY.toMillis() - SLACK_MS);
    }
  }

  @Test
  void shouldSendThePagesOfAHostWhoseFeedKeepsFailingNothingWhileItBacksOff() {
    try (CountingSite site = CountingSite.start("127.0.0.8"); HostGate gate = gate()) {
      site.serve("/feed.xml", CountingSite.Page.of(500, "text/plain", "broken".getBytes(StandardCharsets.UTF_8)));
      site.serve("/page", CountingSite.Page.html("<p>page</p>"));
      HttpFetcher fetcher = fetcher(gate);
      for (int i = 0; i < 3; i++) {
        fetcher.fetch(site.url("/feed.xml"), Map.of(), type -> true).handle((r, e) -> e).join();
      }
      assertThat(gate.backingOff("127.0.0.8")).isTrue();

      CompletableFuture<FetchedResponse> page = fetcher.fetch(site.url("/page"), Map.of(), ContentTypes::isHtml);

      // The first pause is at least half the base (its jitter goes from 0.5 to 1.5): nothing is sent meanwhile.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
          .until(() -> site.requests("/page").isEmpty() && !page.isDone());
      assertThat(site.requests("/feed.xml")).hasSize(3);
      page.cancel(true);
    }
  }
}
