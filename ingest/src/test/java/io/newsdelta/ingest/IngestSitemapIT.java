package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.registry.RegistryClient;
import io.newsdelta.net.AddressPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sitemap index registered as a feed of kind sitemap, against the real broker and a loopback site: its gzipped
 * Google News sitemap's pages become tracked articles, fetched and re-checked on News Sniffer's schedule, a broken
 * sitemap beside it is one error event, and the index is polled with conditional GETs.
 */
class IngestSitemapIT {
  private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

  @RegisterExtension final IngestTestSite site = new IngestTestSite();

  @Test
  void shouldTrackTheArticlesOfAGzippedNewsSitemapListedInAnIndex() throws IOException {
    URI index = site.web().url("/sitemap-index.xml");
    URI fresh = site.web().url("/news/budget-vote");
    URI old = site.web().url("/news/last-week");
    site.web().serve("/sitemap-index.xml", "application/xml", "<?xml version=\"1.0\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>" + site.web().url("/sitemaps/news.xml.gz") + "</loc></sitemap>"
        + "<sitemap><loc>" + site.web().url("/sitemaps/broken.xml") + "</loc></sitemap></sitemapindex>", "v1");
    site.web().serveBytes("/sitemaps/news.xml.gz", 200, "application/x-gzip",
        gzip(newsSitemap(fresh, NOW.minus(Duration.ofHours(1)), old, NOW.minus(Duration.ofDays(9)))));
    site.web().serve("/sitemaps/broken.xml", "application/xml", "<?xml version=\"1.0\"?><urlset><url><loc>");
    site.web().serve("/news/budget-vote", "text/html", page("Budget passes", "The vote was close."));
    site.web().serve("/news/last-week", "text/html", page("Old news", "Long ago."));
    String articleId = ArticleIds.of(fresh.toString());
    MutableClock clock = new MutableClock(NOW);

    try (IngestService ingest = new IngestService(config(index), site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 1);
      // The broken sitemap stops nothing: the good one is read at every poll all the same.
      await().atMost(WAIT).until(() -> site.web().hits("/sitemaps/news.xml.gz") >= 3);
      assertThat(site.web().hits("/sitemap-index.xml")).isGreaterThanOrEqualTo(3);
      assertThat(site.web().lastRequestHeaders("/sitemap-index.xml")).containsEntry("if-none-match", "\"v1\"");
      // News Sniffer's schedule: the first re-check 30 minutes after first seen.
      await().atMost(WAIT).until(() -> state(site.bootstrap(), articleId).isPresent());
      assertThat(state(site.bootstrap(), articleId).orElseThrow().nextCheckAt())
          .isEqualTo(NOW.plus(Duration.ofMinutes(30)));

      // The story leaves the sitemap and is edited: it is re-checked on its schedule all the same.
      site.web().serveBytes("/sitemaps/news.xml.gz", 200, "application/x-gzip",
          gzip(newsSitemap(old, NOW.minus(Duration.ofDays(9)))));
      site.web().serve("/news/budget-vote", "text/html", page("Budget passes narrowly", "The vote was close."));
      clock.advance(Duration.ofMinutes(30));
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 2);
    }

    assertThat(rawVersions(site.bootstrap(), articleId)).allSatisfy(v -> assertThat(v.feedUrl())
        .isEqualTo(index.toString()));
    assertThat(site.web().hits("/news/last-week")).as("an entry older than ingest.sitemap-max-age").isZero();
    List<IngestError> errors = readAll(site.bootstrap(), Topics.INGEST_ERRORS).stream()
        .map(r -> Json.read(r.value(), IngestError.class)).filter(e -> index.toString().equals(e.feedUrl())).toList();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("sitemap-invalid");
      assertThat(e.url()).isEqualTo(site.web().url("/sitemaps/broken.xml").toString());
      assertThat(e.message()).contains("cannot be read", "kind: sitemap");
    });
    assertThat(readAll(site.bootstrap(), Topics.FEEDS)).filteredOn(r -> index.toString().equals(r.key()))
        .last().satisfies(r -> {
          FeedRegistration reg = Json.read(r.value(), FeedRegistration.class);
          assertThat(reg.kind()).isEqualTo("sitemap");
          assertThat(reg.schedule()).isEqualTo("geometric");
        });
  }

  @Test
  void shouldPollASitemapAddedToTheRegistryAtRunTime() {
    URI sitemap = site.web().url("/sitemap.txt");
    URI article = site.web().url("/news/added-later");
    // A plain-text sitemap: one URL per line.
    site.web().serve("/sitemap.txt", "text/plain", article + "\n");
    site.web().serve("/news/added-later", "text/html", page("Added later", "Found through the registry."));
    String articleId = ArticleIds.of(article.toString());

    try (IngestService ingest = new IngestService(config(site.web().url("/unused.xml")), site.bootstrap(),
        new MutableClock(NOW)).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      new RegistryClient(site.bootstrap(), WAIT).put(new FeedRegistration(sitemap.toString(), "added", "sitemap",
          null), 2);
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 1);
      // On the list of gaps (the registration names no schedule): the first re-check an hour after first seen.
      await().atMost(WAIT).until(() -> state(site.bootstrap(), articleId).isPresent());
      assertThat(state(site.bootstrap(), articleId).orElseThrow().nextCheckAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }
  }

  private static IngestConfig config(URI sitemap) {
    IngestConfig c = Fixtures.config(List.of(), Duration.ofMillis(500), Duration.ofHours(1));
    return c.toBuilder().feeds(List.of(new FeedConfig(sitemap, "sitemap", true, "sitemap", "geometric")))
        .hostMinGap(Duration.ZERO).sitemapMaxAge(Duration.ofDays(2)).build();
  }

  /** A Google News sitemap: URL and publication date, in pairs. */
  private static String newsSitemap(Object... urlsAndDates) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
    for (int i = 0; i < urlsAndDates.length; i += 2) {
      xml.append("<url><loc>").append(urlsAndDates[i]).append("</loc><news:news><news:publication>")
          .append("<news:name>Test</news:name><news:language>en</news:language></news:publication>")
          .append("<news:publication_date>").append(urlsAndDates[i + 1]).append("</news:publication_date>")
          .append("<news:title>Story ").append(i / 2).append("</news:title></news:news></url>");
    }
    return xml.append("</urlset>").toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
