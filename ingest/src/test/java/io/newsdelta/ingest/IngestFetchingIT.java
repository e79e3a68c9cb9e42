package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.USER_AGENT;
import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.rss;
import static io.newsdelta.ingest.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.CountingSite;
import io.newsdelta.testsupport.CountingSite.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching as a polite crawler, against a real broker and a loopback site that counts what it receives:
 * per-host limits, conditional GET, gzip, sniffing, text fingerprints, robots.txt, Retry-After, and the
 * validators surviving a restart.
 */
class IngestFetchingIT {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private CountingSite site;

  @BeforeEach
  void startSite() {
    site = CountingSite.start();
  }

  @AfterEach
  void stopSite() {
    site.close();
    Fixtures.forgetAllFeeds(bootstrap());
  }

  private static String bootstrap() {
    return SharedBroker.bootstrapServers();
  }

  private static IngestConfig config(List<FeedConfig> feeds, int hostConcurrency, Duration gap, Duration... recheck) {
    return IngestConfig.builder().feeds(feeds).feedPollInterval(Duration.ofSeconds(1)).articleRecheck(List.of(recheck))
        .fetchTimeout(Duration.ofSeconds(5)).maxPageBytes(256 * 1024).userAgent(USER_AGENT).fetchConcurrency(64)
        .hostConcurrency(hostConcurrency).hostMinGap(gap).robotsTtl(Duration.ofHours(1)).catchUpWindow(Duration.ZERO)
        .build();
  }

  private List<FeedConfig> feed(String path) {
    return List.of(new FeedConfig(site.url(path), "test"));
  }

  /** An article page with enough text for the extractor, and boilerplate that can change around it. */
  static String article(String headline, String text, String boilerplate) {
    return "<!doctype html><html><head><meta charset=utf-8><title>" + headline + "</title></head><body>"
        + "<header><nav><a href=/>Home</a> <a href=/world>World</a></nav><p>Updated " + boilerplate + "</p></header>"
        + "<aside class=advert>Advert " + boilerplate + "</aside><article><h1>" + headline + "</h1>"
        + "<p>" + text + " The statement was read out to reporters outside the ministry on a cold morning.</p>"
        + "<p>Opposition parties said they would ask for a debate in parliament as soon as next week.</p>"
        + "</article><footer>request " + boilerplate + "</footer></body></html>";
  }

  private void serveFeed(String path, URI... articles) {
    site.serve(path, Page.of(200, "application/rss+xml", rss(articles).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<IngestError> errors(URI page) {
    return readAll(bootstrap(), Topics.INGEST_ERRORS).stream()
        .filter(r -> page.toString().equals(r.key()))
        .map(r -> Json.read(r.value(), IngestError.class))
        .toList();
  }

  @Test
  void shouldNeverExceedTheHostsConcurrencyNorGoBelowItsGap() {
    List<URI> articles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String path = "/limits/" + i;
      // Slower answers (500 ms) than the gap (200 ms): without the limit a third request would start while two
      // are still open, so the count at the server shows the limit at work.
      site.serve(path, Page.html(article("Story " + i, "Story number " + i + " was published.", "x")).withDelay(500));
      articles.add(site.url(path));
    }
    try (CountingSite feeds = CountingSite.start("127.0.0.2")) {
      // The feed comes from another host, so the site below counts only article requests.
      feeds.serve("/limits/rss", Page.of(200, "application/rss+xml",
          rss(articles.toArray(URI[]::new)).getBytes(StandardCharsets.UTF_8)));
      try (IngestService ingest = new IngestService(config(List.of(new FeedConfig(feeds.url("/limits/rss"), "t")), 2,
          Duration.ofMillis(200), Duration.ofHours(1)), bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        ingest.start();
        await().atMost(WAIT).until(() -> articles.stream().allMatch(a -> !site.requests(a.getPath()).isEmpty()));
      }
    }

    assertThat(site.maxInFlight()).isEqualTo(2);
    // Starts are at least 200 ms apart at the client. Arrival times at the server also carry the client's own
    // scheduling and connection set-up, so single gaps can look shorter there (145 ms seen on a loaded 2-core
    // machine); over all requests the pace must still be the configured one.
    List<CountingSite.Request> all = site.requests();
    long span = all.get(all.size() - 1).startNanos() - all.get(0).startNanos();
    assertThat(span).isGreaterThanOrEqualTo((all.size() - 1) * Duration.ofMillis(190).toNanos());
    assertThat(site.minGapMillis("/")).isGreaterThanOrEqualTo(100);
    assertThat(site.requests("/robots.txt")).hasSize(1);
  }

  @Test
  void shouldKeepTheGapAndLimitForEveryRequestToAHostFeedPollsAndRedirectHopsIncluded() {
    // One host serves the feed, its articles and the pages some of them redirect to; the feed is polled far more
    // often (every 100 ms) than the host's gap (300 ms) allows, and every answer is slower than the gap, so a
    // request that bypassed the host's limiter would show at the server as a short gap or a third one in flight.
    List<URI> articles = new ArrayList<>();
    try (CountingSite other = CountingSite.start("127.0.0.3")) {
      for (int i = 0; i < 6; i++) {
        String path = "/one/" + i;
        String html = article("Story " + i, "Story number " + i + " was published.", "x");
        if (i % 2 == 0) {
          site.serve(path, Page.html(html).withDelay(400));
          articles.add(site.url(path));
        } else {
          // Served by another host that redirects back to this one: the hop to this host waits its turn too.
          other.serve("/away/" + i, Page.of(302, null, new byte[0]).withHeader("Location", site.url(path).toString()));
          site.serve(path, Page.html(html).withDelay(400));
          articles.add(other.url("/away/" + i));
        }
      }
      site.serve("/one/rss", Page.of(200, "application/rss+xml",
          rss(articles.toArray(URI[]::new)).getBytes(StandardCharsets.UTF_8)).withDelay(400));
      IngestConfig config = IngestConfig.builder().feeds(feed("/one/rss")).feedPollInterval(Duration.ofMillis(100))
          .articleRecheck(List.of(Duration.ofHours(1))).fetchTimeout(Duration.ofSeconds(5)).maxPageBytes(256 * 1024)
          .userAgent(USER_AGENT).fetchConcurrency(64).hostConcurrency(2).hostMinGap(Duration.ofMillis(300))
          .robotsTtl(Duration.ofHours(1)).catchUpWindow(Duration.ZERO).build();
      try (IngestService ingest = new IngestService(config, bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        ingest.start();
        await().atMost(WAIT).until(() -> site.requests().stream().filter(r -> r.path().startsWith("/one/")
            && !r.path().equals("/one/rss")).map(CountingSite.Request::path).distinct().count() == articles.size()
            && site.requests("/one/rss").size() >= 4);
      }
    }

    assertThat(site.maxInFlight()).isLessThanOrEqualTo(2);
    // The limiter spaces starts 300 ms apart at the client; arrival at the server adds the client's scheduling and
    // connection set-up on a loaded machine (single gaps 117 ms short were seen at load 60), never a whole gap. A
    // feed poll outside the limiter comes every 100 ms whatever the articles do. Over all requests the pace must
    // be the configured one.
    assertThat(site.minGapMillis("/")).isGreaterThanOrEqualTo(100);
    List<CountingSite.Request> all = site.requests();
    long span = all.get(all.size() - 1).startNanos() - all.get(0).startNanos();
    assertThat(span).isGreaterThanOrEqualTo((all.size() - 1) * Duration.ofMillis(250).toNanos());
  }

  @Test
  void shouldSendValidatorsOnRechecksCountA304AsUnchangedAndKeepThemOverARestart() {
    MutableClock clock = new MutableClock(T0);
    URI page = site.url("/etag/story");
    String id = ArticleIds.of(page.toString());
    site.serve("/etag/story", Page.html(article("Budget", "The budget was passed.", "1"))
        .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Sat, 01 Mar 2025 09:00:00 GMT"));
    serveFeed("/etag/rss", page);
    IngestConfig config = config(feed("/etag/rss"), 4, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5),
        Duration.ofMinutes(5));

    try (IngestService ingest = new IngestService(config, bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> state(bootstrap(), id).filter(s -> s.fetches() == 1).isPresent());
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> ingest.counters().notModified() == 1);
      // The 304 moved only the count and the due time: kept in memory, not written, while the service runs.
      assertThat(ingest.counters().stateWritesKept()).isEqualTo(1);
      assertThat(state(bootstrap(), id).orElseThrow().fetches()).isEqualTo(1);
    }
    // Written when the service stopped, so the restart reads it exactly.
    assertThat(state(bootstrap(), id)).hasValueSatisfying(s -> {
      assertThat(s.fetches()).isEqualTo(2);
      assertThat(s.nextCheckAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
      assertThat(s.etag()).isEqualTo("\"v1\"");
      assertThat(s.lastModified()).isEqualTo("Sat, 01 Mar 2025 09:00:00 GMT");
    });

    clock.advance(Duration.ofMinutes(5));
    try (IngestService restarted = new IngestService(config, bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      restarted.start();
      await().atMost(WAIT).until(() -> restarted.counters().notModified() == 1);
      assertThat(restarted.counters().stateWritesKept()).isEqualTo(1);
    }
    assertThat(state(bootstrap(), id).orElseThrow().fetches()).isEqualTo(3);

    List<CountingSite.Request> requests = site.requests("/etag/story");
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0).headers()).doesNotContainKey("if-none-match");
    assertThat(requests.get(1).headers()).containsEntry("if-none-match", "\"v1\"")
        .containsEntry("if-modified-since", "Sat, 01 Mar 2025 09:00:00 GMT");
    assertThat(requests.get(2).headers()).containsEntry("if-none-match", "\"v1\"");
    assertThat(requests.get(0).headers().get("accept-encoding")).contains("gzip");
    assertThat(rawVersions(bootstrap(), id)).hasSize(1);
  }

  @Test
  void shouldKeepTheNewValidatorsOfAReRenderedPageWithoutWritingThemUntilStop() {
    MutableClock clock = new MutableClock(T0);
    URI page = site.url("/rerender/story");
    String id = ArticleIds.of(page.toString());
    site.serve("/rerender/story", Page.html(article("Budget", "The budget was passed.", "1"))
        .withHeader("ETag", "\"r1\""));
    serveFeed("/rerender/rss", page);
    IngestConfig config = config(feed("/rerender/rss"), 4, Duration.ZERO, Duration.ofMinutes(5),
        Duration.ofMinutes(5), Duration.ofMinutes(5));

    try (IngestService ingest = new IngestService(config, bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> state(bootstrap(), id).filter(s -> s.fetches() == 1).isPresent());
      // the site re-renders its boilerplate: new bytes, a new ETag, the same story
      site.serve("/rerender/story", Page.html(article("Budget", "The budget was passed.", "2"))
          .withHeader("ETag", "\"r2\""));
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> ingest.counters().unchangedText() == 1);
      assertThat(ingest.counters().stateWritesKept()).isEqualTo(1);
      assertThat(state(bootstrap(), id).orElseThrow().etag()).isEqualTo("\"r1\"");
    }
    // written at stop, so the next check after a restart sends the page's latest ETag
    assertThat(state(bootstrap(), id)).hasValueSatisfying(s -> {
      assertThat(s.fetches()).isEqualTo(2);
      assertThat(s.etag()).isEqualTo("\"r2\"");
    });
    assertThat(site.requests("/rerender/story").get(1).headers()).containsEntry("if-none-match", "\"r1\"");
    assertThat(rawVersions(bootstrap(), id)).hasSize(1);
  }

  @Test
  void shouldDecodeAGzipPageAndKeepHtmlServedAsOctetStream() throws IOException {
    URI gz = site.url("/enc/gzip");
    URI octet = site.url("/enc/octet");
    String gzHtml = article("Gzip", "A compressed story.", "g");
    String octetHtml = article("Octet", "A story served as bytes.", "o");
    site.serve("/enc/gzip", Page.of(200, "text/html; charset=utf-8", gzip(gzHtml.getBytes(StandardCharsets.UTF_8)))
        .withHeader("Content-Encoding", "gzip"));
    site.serve("/enc/octet", Page.of(200, "application/octet-stream", octetHtml.getBytes(StandardCharsets.UTF_8)));
    serveFeed("/enc/rss", gz, octet);

    try (IngestService ingest =
        new IngestService(config(feed("/enc/rss"), 4, Duration.ZERO, Duration.ofHours(1)), bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap(), ArticleIds.of(gz.toString())).size() == 1
          && rawVersions(bootstrap(), ArticleIds.of(octet.toString())).size() == 1);
    }

    assertThat(rawVersions(bootstrap(), ArticleIds.of(gz.toString())).get(0).body()).isEqualTo(gzHtml);
    RawVersion kept = rawVersions(bootstrap(), ArticleIds.of(octet.toString())).get(0);
    assertThat(kept.body()).isEqualTo(octetHtml);
    assertThat(kept.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void shouldRefuseAPdfOnceAndKeepItsSchedule() {
    MutableClock clock = new MutableClock(T0);
    URI pdf = site.url("/pdf/report");
    String id = ArticleIds.of(pdf.toString());
    site.serve("/pdf/report", Page.of(200, "application/octet-stream",
        "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1)));
    serveFeed("/pdf/rss", pdf);

    try (IngestService ingest = new IngestService(
        config(feed("/pdf/rss"), 4, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1)),
        bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> state(bootstrap(), id).filter(s -> s.fetches() == 1).isPresent());
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> state(bootstrap(), id).filter(s -> s.fetches() == 2).isPresent());
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> state(bootstrap(), id).filter(s -> s.fetches() == 3).isPresent());
    }

    assertThat(site.requests("/pdf/report")).hasSize(3);
    assertThat(errors(pdf)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("page-not-html");
      assertThat(e.message()).contains("application/pdf");
    });
    assertThat(state(bootstrap(), id).orElseThrow().nextCheckAt())
        .isEqualTo(T0.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(1)));
    assertThat(rawVersions(bootstrap(), id)).isEmpty();
  }

  @Test
  void shouldPublishNothingForABoilerplateReRenderAndPublishARealEdit() {
    MutableClock clock = new MutableClock(T0);
    URI page = site.url("/render/story");
    String id = ArticleIds.of(page.toString());
    site.serve("/render/story", Page.html(article("Minister resigns", "The minister resigned on Saturday.", "10:00")));
    serveFeed("/render/rss", page);

    try (IngestService ingest = new IngestService(
        config(feed("/render/rss"), 4, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5)), bootstrap(),
        clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap(), id).size() == 1);
      site.serve("/render/story", Page.html(article("Minister resigns", "The minister resigned on Saturday.", "10:05")));
      clock.advance(Duration.ofMinutes(5));
      // same text: an unchanged check, its state kept in memory (StateWrites) and nothing published
      await().atMost(WAIT).until(() -> ingest.counters().unchangedText() == 1);
      assertThat(rawVersions(bootstrap(), id)).hasSize(1);
      site.serve("/render/story", Page.html(article("Minister resigns", "The minister resigned on Friday.", "10:10")));
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> rawVersions(bootstrap(), id).size() == 2);
    }

    assertThat(rawVersions(bootstrap(), id).get(1).body()).contains("on Friday").contains("10:10");
    assertThat(site.requests("/render/story")).hasSize(3);
  }

  @Test
  void shouldObeyRobotsTxtUnlessTheFeedSaysNot() {
    site.serve("/robots.txt", Page.of(200, "text/plain",
        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
    URI open = site.url("/public/story");
    URI closed = site.url("/private/story");
    URI allowedByConfig = site.url("/private/other");
    site.serve("/public/story", Page.html(article("Open", "Anyone may read this.", "p")));
    site.serve("/private/story", Page.html(article("Closed", "Robots may not read this.", "c")));
    site.serve("/private/other", Page.html(article("Closed too", "This feed ignores robots.", "c")));
    serveFeed("/robots/rss", open, closed);
    serveFeed("/norobots/rss", allowedByConfig);
    List<FeedConfig> feeds = List.of(new FeedConfig(site.url("/robots/rss"), "obeys", true),
        new FeedConfig(site.url("/norobots/rss"), "ignores", false));

    try (IngestService ingest = new IngestService(config(feeds, 4, Duration.ZERO, Duration.ofHours(1)), bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap(), ArticleIds.of(open.toString())).size() == 1
          && rawVersions(bootstrap(), ArticleIds.of(allowedByConfig.toString())).size() == 1
          && !errors(closed).isEmpty());
    }

    assertThat(site.requests("/private/story")).isEmpty();
    assertThat(site.requests("/robots.txt")).hasSize(1);
    assertThat(errors(closed)).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("page-robots-disallowed"));
  }

  @Test
  void shouldWaitAsLongAsRetryAfterSaysBeforeAskingAgain() {
    URI page = site.url("/busy/story");
    String id = ArticleIds.of(page.toString());
    site.serve("/busy/story", Page.of(503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8))
        .withHeader("Retry-After", "2"));
    serveFeed("/busy/rss", page);

    try (IngestService ingest =
        new IngestService(config(feed("/busy/rss"), 4, Duration.ZERO, Duration.ofHours(1)), bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> site.requests("/busy/story").size() == 1);
      site.serve("/busy/story", Page.html(article("Back", "The site is back.", "b")));
      await().atMost(WAIT).until(() -> rawVersions(bootstrap(), id).size() == 1);
    }

    List<CountingSite.Request> requests = site.requests("/busy/story");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).startNanos() - requests.get(0).startNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900).toNanos());
    // The 503 asked to come back later: it is not counted as one of the article's checks.
    assertThat(state(bootstrap(), id).orElseThrow().fetches()).isEqualTo(1);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
