package io.newsdelta.ingest.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One sitemap's poller against a real web server, without Kafka: errors and pages go to lists. */
class SitemapPollerIT {
  private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

  private final HttpFetcher fetcher = HttpFetcher.builder().addressPolicy(AddressPolicy.WITH_LOOPBACK).timeout(Duration.ofSeconds(10)).maxBytes(100_000).build();
  private final List<IngestError> errors = new CopyOnWriteArrayList<>();
  private final List<URI> found = new CopyOnWriteArrayList<>();
  private LocalWebServer web;

  @BeforeEach
  void start() {
    web = LocalWebServer.start();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void shouldPollAnIndexAndItsSitemapsConditionallyAndKeepPollingThemWhenTheIndexIsUnchanged() {
    web.serve("/index.xml", "application/xml", index("/a.xml", "/index.xml"), "i1");
    web.serve("/a.xml", "application/xml", urlset("/news/1", "/news/2"), "a1");
    SitemapPoller poller = poller(web.url("/index.xml"));

    assertThat(poller.poll()).isEqualTo(Outcome.PARSED);
    web.serve("/a.xml", "application/xml", urlset("/news/2", "/news/3"), "a2");
    assertThat(poller.poll()).isEqualTo(Outcome.NOT_MODIFIED);
    assertThat(poller.poll()).isEqualTo(Outcome.NOT_MODIFIED);

    // The index answered 304 twice; its sitemap was asked again each time, and changed once.
    assertThat(found).containsExactly(web.url("/news/1"), web.url("/news/2"), web.url("/news/2"), web.url("/news/3"));
    assertThat(web.hits("/a.xml")).isEqualTo(3);
    assertThat(web.lastRequestHeaders("/a.xml")).containsEntry("if-none-match", "\"a2\"");
    // The index listing itself is not fetched twice in one poll.
    assertThat(web.hits("/index.xml")).isEqualTo(3);
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldReportABrokenSitemapOnceWhileItLastsAndGoOnWithTheOthers() {
    web.serve("/index.xml", "application/xml", index("/broken.xml", "/missing.xml", "/good.xml"));
    web.serve("/broken.xml", "text/html", "<html><body>Sorry, our sitemap moved</body></html>");
    web.serve("/good.xml", "application/xml", urlset("/news/1"));
    SitemapPoller poller = poller(web.url("/index.xml"));

    poller.poll();
    poller.poll();

    assertThat(found).containsExactly(web.url("/news/1"), web.url("/news/1"));
    assertThat(errors).extracting(IngestError::kind).containsExactlyInAnyOrder("sitemap-invalid", "feed-http-status");
    assertThat(errors).allSatisfy(e -> assertThat(e.feedUrl()).isEqualTo(web.url("/index.xml").toString()));
    assertThat(errors).extracting(IngestError::url).containsExactlyInAnyOrder(web.url("/broken.xml").toString(),
        web.url("/missing.xml").toString());

    web.serve("/broken.xml", "application/xml", urlset("/news/9"));
    poller.poll();
    assertThat(found).contains(web.url("/news/9"));
    assertThat(errors).hasSize(2);
  }

  @Test
  void shouldSkipPagesDatedBeforeTheMaximumAge() {
    web.serve("/news.xml", "application/xml", "<?xml version=\"1.0\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>" + web.url("/today") + "</loc><lastmod>2026-12-01T20:00:00Z</lastmod></url>"
        + "<url><loc>" + web.url("/last-month") + "</loc><lastmod>2026-11-01</lastmod></url>"
        + "<url><loc>" + web.url("/undated") + "</loc></url></urlset>");

    assertThat(poller(web.url("/news.xml")).poll()).isEqualTo(Outcome.PARSED);

    assertThat(found).containsExactly(web.url("/today"), web.url("/undated"));
  }

  private SitemapPoller poller(URI url) {
    return new SitemapPoller(url, fetcher, errors::add, (article, feed) -> found.add(article),
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(2), () -> false);
  }

  private String index(String... paths) {
    StringBuilder xml = new StringBuilder(
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String p : paths) {
      xml.append("<sitemap><loc>").append(web.url(p)).append("</loc></sitemap>");
    }
    return xml.append("</sitemapindex>").toString();
  }

  private String urlset(String... paths) {
    StringBuilder xml = new StringBuilder(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String p : paths) {
      xml.append("<url><loc>").append(web.url(p)).append("</loc></url>");
    }
    return xml.append("</urlset>").toString();
  }
}
