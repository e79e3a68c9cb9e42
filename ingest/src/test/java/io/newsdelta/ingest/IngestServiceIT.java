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
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest against a real broker and a real web server: discovery, first fetch, re-checks, conditional GET. */
class IngestServiceIT {
  private static String bootstrap;
  private LocalWebServer web;

  @BeforeAll
  static void useBroker() {
    bootstrap = SharedBroker.bootstrapServers();
  }

  @BeforeEach
  void startWeb() {
    web = LocalWebServer.start();
  }

  @AfterEach
  void stopWeb() {
    web.close();
    Fixtures.forgetAllFeeds(bootstrap);
  }

  @Test
  void shouldPublishANewArticleOnceWithItsFieldsAndCloudEventsHeaders() {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    URI feed = web.url("/world/rss.xml");
    URI article = web.url("/world/talks-resume?utm_source=rss&id=7");
    String articleId = ArticleIds.of(article.toString());
    String html = "<html><head><title>Café talks</title></head><body><p>Négociations – “reprises”</p></body></html>";
    web.serve("/world/rss.xml", "application/rss+xml", rss(article));
    web.serveBytes("/world/talks-resume", 200, "text/html; charset=windows-1252",
        html.getBytes(Charset.forName("windows-1252")));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofHours(1)), bootstrap,
            new MutableClock(now))) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, articleId).size() == 1);
      // A few more polls list the same article: it is not announced again.
      await().atMost(WAIT).until(() -> web.hits("/world/rss.xml") >= 3);
    }

    List<ConsumerRecord<String, String>> records =
        readAll(bootstrap, Topics.RAW_VERSIONS).stream().filter(r -> articleId.equals(r.key())).toList();
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
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(header(record, "ce_type")).isEqualTo("io.newsdelta.raw-version");
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record, "ce_source")).isEqualTo("/newsdelta/ingest");
    assertThat(header(record, "ce_id")).isNotBlank();
    assertThat(web.hits("/world/talks-resume")).isEqualTo(1);
    assertThat(web.lastRequestHeaders("/world/talks-resume")).containsEntry("user-agent", Fixtures.USER_AGENT);
    assertThat(state(bootstrap, articleId)).hasValueSatisfying(s -> {
      assertThat(s.fetches()).isEqualTo(1);
      assertThat(s.firstSeen()).isEqualTo(now);
      assertThat(s.nextCheckAt()).isEqualTo(now.plus(Duration.ofHours(1)));
      assertThat(s.lastPublishedSha256()).isEqualTo(version.bodySha256());
    });
    assertThat(readAll(bootstrap, Topics.FEEDS))
        .filteredOn(r -> feed.toString().equals(r.key()))
        .first()
        .satisfies(r -> {
          assertThat(Json.read(r.value(), FeedRegistration.class).url()).isEqualTo(feed.toString());
          assertThat(header(r, "ce_id")).isNotBlank();
        });
  }

  @Test
  void shouldNotPublishAgainWhenThePageIsUnchangedAtItsRechecks() {
    URI feed = web.url("/rss");
    URI article = web.url("/news/unchanged");
    String articleId = ArticleIds.of(article.toString());
    web.serve("/rss", "application/rss+xml", rss(article));
    web.serve("/news/unchanged", "text/html; charset=utf-8", page("Steady", "Nothing changes here."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            bootstrap)) {
      ingest.start();
      // The first fetch and both re-checks are done once the state says three fetches and no next check.
      await().atMost(WAIT).until(() -> state(bootstrap, articleId).filter(s -> s.fetches() == 3).isPresent());
    }

    assertThat(web.hits("/news/unchanged")).isEqualTo(3);
    assertThat(rawVersions(bootstrap, articleId)).hasSize(1);
    assertThat(state(bootstrap, articleId).orElseThrow().nextCheckAt()).isNull();
  }

  @Test
  void shouldPublishASecondVersionWhenThePageChanged() {
    Instant seen = Instant.parse("2025-03-01T10:00:00Z");
    MutableClock clock = new MutableClock(seen);
    URI feed = web.url("/rss");
    URI article = web.url("/news/changing");
    String articleId = ArticleIds.of(article.toString());
    web.serve("/rss", "application/rss+xml", rss(article));
    web.serve("/news/changing", "text/html", page("Minister resigns", "The minister resigned on Saturday."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
            bootstrap, clock)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, articleId).size() == 1);
      web.serve("/news/changing", "text/html", page("Minister resigns", "The minister resigned on Friday."));
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, articleId).size() == 2);
    }

    List<RawVersion> versions = rawVersions(bootstrap, articleId);
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).body()).contains("on Saturday");
    assertThat(versions.get(1).body()).contains("on Friday");
    assertThat(versions.get(1).bodySha256()).isNotEqualTo(versions.get(0).bodySha256());
    assertThat(versions).extracting(RawVersion::fetchedAt).containsExactly(seen, seen.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldNotReparseAFeedThatAnswersNotModified() {
    URI feed = web.url("/etag/rss");
    URI first = web.url("/etag/first");
    URI second = web.url("/etag/second");
    web.serve("/etag/rss", "application/rss+xml", rss(first), "v1");
    web.serve("/etag/first", "text/html", page("First", "One."));
    web.serve("/etag/second", "text/html", page("Second", "Two."));

    try (IngestService ingest =
        new IngestService(config(List.of(feed), Duration.ofSeconds(1), Duration.ofHours(1)), bootstrap)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, ArticleIds.of(first.toString())).size() == 1);
      // Same ETag, new content: the server answers 304, so ingest must not see the second article.
      web.serve("/etag/rss", "application/rss+xml", rss(first, second), "v1");
      int hits = web.hits("/etag/rss");
      await().atMost(WAIT).until(() -> web.hits("/etag/rss") >= hits + 2);
      assertThat(web.lastRequestHeaders("/etag/rss")).containsEntry("if-none-match", "\"v1\"");
      assertThat(web.hits("/etag/second")).isZero();

      web.serve("/etag/rss", "application/rss+xml", rss(first, second), "v2");
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, ArticleIds.of(second.toString())).size() == 1);
    }
    assertThat(web.hits("/etag/first")).isEqualTo(1);
  }

  @Test
  void shouldPollTheFeedsAnOpmlListNamesAndRegisterThem() {
    URI list = web.url("/subscriptions.opml");
    URI listed = web.url("/listed/rss");
    URI article = web.url("/listed/story");
    web.serve("/subscriptions.opml", "text/x-opml",
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>"
            + "<outline type=\"rss\" text=\"Listed\" xmlUrl=\"" + listed + "\"/></body></opml>");
    web.serve("/listed/rss", "application/rss+xml", rss(article));
    web.serve("/listed/story", "text/html", page("Listed", "Found through an OPML list."));

    try (IngestService ingest =
        new IngestService(config(List.of(list), Duration.ofSeconds(1), Duration.ofHours(1)), bootstrap)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(bootstrap, ArticleIds.of(article.toString())).size() == 1);
    }

    assertThat(rawVersions(bootstrap, ArticleIds.of(article.toString())).get(0).feedUrl()).isEqualTo(listed.toString());
    await().atMost(WAIT).until(() -> readAll(bootstrap, Topics.FEEDS).stream().anyMatch(r -> listed.toString().equals(r.key())));
  }
}
