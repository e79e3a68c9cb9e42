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
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.ExtractedArticle;
import io.newsdelta.extract.ExtractorVersion;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ingest against a real broker and a real web server: discovery, first fetch, re-checks, conditional GET. */
class IngestServiceIT {
  @RegisterExtension final IngestTestSite site = new IngestTestSite();

  @Test
  void shouldPublishANewArticleOnceWithItsFieldsAndCloudEventsHeaders() {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    URI feed = site.web().url("/world/rss.xml");
    URI article = site.web().url("/world/talks-resume?utm_source=rss&id=7");
    String articleId = ArticleIds.of(article.toString());
    String html = "<html><head><title>Café talks</title></head><body><p>Négociations – “reprises”</p></body></html>";
    site.web().serve("/world/rss.xml", "application/rss+xml", rss(article));
    site.web().serveBytes("/world/talks-resume", 200, "text/html; charset=windows-1252",
        html.getBytes(Charset.forName("windows-1252")));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofHours(1)), site.bootstrap(),
            new MutableClock(now)).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 1);
      // A few more polls list the same article: it is not announced again.
      await().atMost(WAIT).until(() -> site.web().hits("/world/rss.xml") >= 3);
    }

    List<ConsumerRecord<String, String>> records =
        readAll(site.bootstrap(), Topics.RAW_VERSIONS).stream().filter(r -> articleId.equals(r.key())).toList();
    assertThat(records).hasSize(1);
    RawVersion version = Json.read(records.get(0).value(), RawVersion.class);
    assertThat(version.articleId()).isEqualTo(articleId).doesNotContain("utm_source");
    assertThat(version.url()).isEqualTo(article.toString());
    assertThat(version.feedUrl()).isEqualTo(feed.toString());
    assertThat(version.fetchedAt()).isEqualTo(now);
    assertThat(version.httpStatus()).isEqualTo(200);
    assertThat(version.contentType()).isEqualTo("text/html; charset=windows-1252");
    assertThat(version.body()).isEqualTo(html);
    assertThat(version.bodySha256()).isEqualTo(Hashes.sha256(html));
    // The text ingest extracted to fingerprint the page travels with it, named by the extractor that made it.
    ExtractedArticle extracted = ArticleExtractor.generic().extract(html, article.toString());
    assertThat(version.text()).isEqualTo(new RawVersion.Text(ExtractorVersion.CURRENT, extracted.title(),
        extracted.standfirst(), extracted.byline(), extracted.paragraphs(), extracted.emptyReason()));
    assertThat(version.text().title()).isEqualTo("Café talks");
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(header(record, "ce_type")).isEqualTo("io.newsdelta.raw-version");
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record, "ce_source")).isEqualTo("/newsdelta/ingest");
    assertThat(header(record, "ce_id")).isNotBlank();
    assertThat(site.web().hits("/world/talks-resume")).isEqualTo(1);
    assertThat(site.web().lastRequestHeaders("/world/talks-resume")).containsEntry("user-agent", Fixtures.USER_AGENT);
    assertThat(state(site.bootstrap(), articleId)).hasValueSatisfying(s -> {
      assertThat(s.fetches()).isEqualTo(1);
      assertThat(s.firstSeen()).isEqualTo(now);
      assertThat(s.nextCheckAt()).isEqualTo(now.plus(Duration.ofHours(1)));
      assertThat(s.lastPublishedSha256()).isEqualTo(version.bodySha256());
    });
    assertThat(readAll(site.bootstrap(), Topics.FEEDS))
        .filteredOn(r -> feed.toString().equals(r.key()))
        .first()
        .satisfies(r -> {
          assertThat(Json.read(r.value(), FeedRegistration.class).url()).isEqualTo(feed.toString());
          assertThat(header(r, "ce_id")).isNotBlank();
        });
  }

  @Test
  void shouldNotPublishAgainWhenThePageIsUnchangedAtItsRechecks() {
    URI feed = site.web().url("/rss");
    URI article = site.web().url("/news/unchanged");
    String articleId = ArticleIds.of(article.toString());
    site.web().serve("/rss", "application/rss+xml", rss(article));
    site.web().serve("/news/unchanged", "text/html; charset=utf-8", page("Steady", "Nothing changes here."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      // The first fetch and both re-checks are done once the state says three fetches and no next check.
      await().atMost(WAIT).until(() -> state(site.bootstrap(), articleId).filter(s -> s.fetches() == 3).isPresent());
    }

    assertThat(site.web().hits("/news/unchanged")).isEqualTo(3);
    assertThat(rawVersions(site.bootstrap(), articleId)).hasSize(1);
    assertThat(state(site.bootstrap(), articleId).orElseThrow().nextCheckAt()).isNull();
  }

  @Test
  void shouldPublishASecondVersionWhenThePageChanged() {
    Instant seen = Instant.parse("2025-03-01T10:00:00Z");
    MutableClock clock = new MutableClock(seen);
    URI feed = site.web().url("/rss");
    URI article = site.web().url("/news/changing");
    String articleId = ArticleIds.of(article.toString());
    site.web().serve("/rss", "application/rss+xml", rss(article));
    site.web().serve("/news/changing", "text/html", page("Minister resigns", "The minister resigned on Saturday."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
            site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 1);
      site.web().serve("/news/changing", "text/html", page("Minister resigns", "The minister resigned on Friday."));
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId).size() == 2);
    }

    List<RawVersion> versions = rawVersions(site.bootstrap(), articleId);
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).body()).contains("on Saturday");
    assertThat(versions.get(1).body()).contains("on Friday");
    assertThat(versions.get(1).bodySha256()).isNotEqualTo(versions.get(0).bodySha256());
    assertThat(versions).extracting(RawVersion::fetchedAt).containsExactly(seen, seen.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldNotReparseAFeedThatAnswersNotModified() {
    URI feed = site.web().url("/etag/rss");
    URI first = site.web().url("/etag/first");
    URI second = site.web().url("/etag/second");
    site.web().serve("/etag/rss", "application/rss+xml", rss(first), "v1");
    site.web().serve("/etag/first", "text/html", page("First", "One."));
    site.web().serve("/etag/second", "text/html", page("Second", "Two."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofHours(1)), site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(first.toString())).size() == 1);
      // Same ETag, new content: the server answers 304, so ingest must not see the second article.
      site.web().serve("/etag/rss", "application/rss+xml", rss(first, second), "v1");
      int hits = site.web().hits("/etag/rss");
      await().atMost(WAIT).until(() -> site.web().hits("/etag/rss") >= hits + 2);
      assertThat(site.web().lastRequestHeaders("/etag/rss")).containsEntry("if-none-match", "\"v1\"");
      assertThat(site.web().hits("/etag/second")).isZero();

      site.web().serve("/etag/rss", "application/rss+xml", rss(first, second), "v2");
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(second.toString())).size() == 1);
    }
    assertThat(site.web().hits("/etag/first")).isEqualTo(1);
  }

  @Test
  void shouldPollTheFeedsAnOpmlListNamesAndRegisterThem() {
    URI list = site.web().url("/subscriptions.opml");
    URI listed = site.web().url("/listed/rss");
    URI article = site.web().url("/listed/story");
    site.web().serve("/subscriptions.opml", "text/x-opml",
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>"
            + "<outline type=\"rss\" text=\"Listed\" xmlUrl=\"" + listed + "\"/></body></opml>");
    site.web().serve("/listed/rss", "application/rss+xml", rss(article));
    site.web().serve("/listed/story", "text/html", page("Listed", "Found through an OPML list."));

    try (IngestService ingest =
        new IngestService(config(List.of(list), Duration.ofSeconds(1), Duration.ofHours(1)), site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(article.toString())).size() == 1);
    }

    assertThat(rawVersions(site.bootstrap(), ArticleIds.of(article.toString())).get(0).feedUrl()).isEqualTo(listed.toString());
    await().atMost(WAIT).until(() -> readAll(site.bootstrap(), Topics.FEEDS).stream().anyMatch(r -> listed.toString().equals(r.key())));
  }
}
