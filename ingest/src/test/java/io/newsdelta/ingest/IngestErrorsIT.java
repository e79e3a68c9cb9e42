package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.header;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.rss;
import static io.newsdelta.ingest.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.CountingSite;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Broken feeds and pages give one error event each and stop nothing else. */
class IngestErrorsIT {
  @RegisterExtension final IngestTestSite site = new IngestTestSite();

  @Test
  void shouldReportEachBrokenFeedOnceWhileAHealthyFeedGoesOn() {
    URI down = closedServerUrl("/rss");
    URI missing = site.web().url("/missing/rss");
    URI notXml = site.web().url("/home");
    URI healthy = site.web().url("/rss");
    URI article = site.web().url("/news/fine");
    site.web().serve("/home", "text/html", "<html><body><p>The home page<br></p></body></html>");
    site.web().serve("/rss", "application/rss+xml", rss(article));
    site.web().serve("/news/fine", "text/html", page("Fine", "All is well."));

    try (IngestService ingest =
        new IngestService(config(List.of(down, missing, notXml, healthy), Duration.ofSeconds(1), Duration.ofHours(1)),
            site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(article.toString())).size() == 1);
      // Several polls of every broken feed: still one error each.
      await().atMost(WAIT).until(() -> site.web().hits("/missing/rss") >= 3 && site.web().hits("/home") >= 3);
    }

    List<ConsumerRecord<String, String>> records = errorRecords(down, missing, notXml, healthy);
    assertThat(records)
        .extracting(ConsumerRecord::key, r -> Json.read(r.value(), IngestError.class).kind())
        .containsExactlyInAnyOrder(
            tuple(down.toString(), "feed-unreachable"),
            tuple(missing.toString(), "feed-http-status"),
            tuple(notXml.toString(), "feed-not-xml"));
    IngestError notFound =
        records.stream().map(r -> Json.read(r.value(), IngestError.class))
            .filter(e -> e.kind().equals("feed-http-status")).findFirst().orElseThrow();
    assertThat(notFound.message())
        .isEqualTo("Feed " + missing + " returned HTTP 404; check the URL in feeds[] of newsdelta.yml");
    assertThat(notFound.feedUrl()).isEqualTo(missing.toString());
    assertThat(notFound.at()).isNotNull();
    assertThat(records).allSatisfy(r -> {
      assertThat(header(r, "ce_type")).isEqualTo("io.newsdelta.ingest-error");
      assertThat(header(r, "ce_id")).isNotBlank();
    });
  }

  @Test
  void shouldReportEachBrokenPageOnceAcrossItsChecksWhileOtherArticlesArePublished() {
    URI feed = site.web().url("/rss");
    URI good = site.web().url("/news/good");
    URI missing = site.web().url("/news/missing");
    URI pdf = site.web().url("/news/report.pdf");
    URI huge = site.web().url("/news/huge");
    URI down = closedServerUrl("/news/elsewhere");
    site.web().serve("/rss", "application/rss+xml", rss(missing, pdf, huge, down, good));
    site.web().serve("/news/good", "text/html", page("Good", "Published despite its neighbours."));
    site.web().serveBytes("/news/report.pdf", 200, "application/pdf", "%PDF-1.7 ...".getBytes());
    site.web().serve("/news/huge", "text/html", page("Huge", "word ".repeat(20_000)));

    try (IngestService ingest =
        new IngestService(
            config(List.of(feed), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(good.toString())).size() == 1);
      // Every page has had its first fetch and both re-checks.
      await().atMost(WAIT).until(() -> List.of(missing, pdf, huge, down).stream()
          .allMatch(u -> state(site.bootstrap(), ArticleIds.of(u.toString())).filter(s -> s.fetches() == 3).isPresent()));
    }

    assertThat(site.web().hits("/news/missing")).isEqualTo(3);
    List<IngestError> errors =
        errorRecords(good, missing, pdf, huge, down).stream().map(r -> Json.read(r.value(), IngestError.class)).toList();
    assertThat(errors)
        .extracting(IngestError::url, IngestError::kind)
        .containsExactlyInAnyOrder(
            tuple(missing.toString(), "page-http-status"),
            tuple(pdf.toString(), "page-not-html"),
            tuple(huge.toString(), "page-too-large"),
            tuple(down.toString(), "page-unreachable"));
    assertThat(errors).allSatisfy(e -> assertThat(e.feedUrl()).isEqualTo(feed.toString()));
    assertThat(rawVersions(site.bootstrap(), ArticleIds.of(pdf.toString()))).isEmpty();
    assertThat(rawVersions(site.bootstrap(), ArticleIds.of(huge.toString()))).isEmpty();
  }

  @Test
  void shouldRetryAFailedFirstFetchAtTheFirstRecheckGap() {
    Instant seen = Instant.parse("2025-03-01T10:00:00Z");
    MutableClock clock = new MutableClock(seen);
    URI feed = site.web().url("/rss");
    URI late = site.web().url("/news/late");
    site.web().serve("/rss", "application/rss+xml", rss(late));

    try (IngestService ingest =
        new IngestService(
            config(List.of(feed), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)), site.bootstrap(),
            clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> !errorRecords(late).isEmpty());
      site.web().serve("/news/late", "text/html", page("Late", "Now it is here."));
      clock.advance(Duration.ofMinutes(5).minusMillis(1));
      await().atMost(WAIT).until(() -> state(site.bootstrap(), ArticleIds.of(late.toString())).isPresent());
      assertThat(site.web().hits("/news/late")).isEqualTo(1);
      clock.advance(Duration.ofMillis(1));
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(late.toString())).size() == 1);
    }

    assertThat(site.web().hits("/news/late")).isEqualTo(2);
    assertThat(rawVersions(site.bootstrap(), ArticleIds.of(late.toString())).get(0).fetchedAt())
        .isEqualTo(seen.plus(Duration.ofMinutes(5)));
    assertThat(state(site.bootstrap(), ArticleIds.of(late.toString()))).hasValueSatisfying(s -> {
      assertThat(s.lastErrorKind()).isNull();
      assertThat(s.nextCheckAt()).isEqualTo(seen.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(1)));
    });
  }

  @Test
  void shouldRefuseAFeedOnAnInternalAddressByDefaultAndSendItNothing() {
    try (CountingSite internal = CountingSite.start()) {
      URI feed = internal.url("/rss");
      internal.serve("/rss", CountingSite.Page.of(200, "application/rss+xml",
          rss(internal.url("/admin")).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

      try (IngestService ingest =
          new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofHours(1)), site.bootstrap())) {
        ingest.start();
        await().atMost(WAIT).until(() -> !errorRecords(feed).isEmpty());
      }

      assertThat(errorRecords(feed)).singleElement().satisfies(r -> {
        IngestError error = Json.read(r.value(), IngestError.class);
        assertThat(error.kind()).isEqualTo("address-refused");
        assertThat(error.message()).startsWith("Feed " + feed + " was not fetched: it resolves to 127.0.0.1, a "
            + "loopback address, which newsdelta does not connect to; if this target is deliberate, add it");
      });
      assertThat(internal.requests()).isEmpty();
    }
  }

  private List<ConsumerRecord<String, String>> errorRecords(URI... concerned) {
    List<String> keys = java.util.Arrays.stream(concerned).map(URI::toString).toList();
    return readAll(site.bootstrap(), Topics.INGEST_ERRORS).stream().filter(r -> keys.contains(r.key())).toList();
  }

  private static URI closedServerUrl(String path) {
    LocalWebServer closed = LocalWebServer.start();
    URI url = closed.url(path);
    closed.close();
    return url;
  }
}
