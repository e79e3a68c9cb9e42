package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static io.newsdelta.ingest.Fixtures.rss;
import static io.newsdelta.ingest.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new service over the same broker carries on: nothing re-announced, nothing re-fetched early, due checks run. */
class IngestRestartIT {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @AfterEach
  void forgetFeeds() {
    Fixtures.forgetAllFeeds(SharedBroker.bootstrapServers());
  }

  @Test
  void shouldNeitherRepublishNorRefetchEarlyAfterARestartButStillRunDueChecks() {
    try (LocalWebServer web = LocalWebServer.start()) {
      String bootstrap = SharedBroker.bootstrapServers();
      URI feed = web.url("/rss");
      URI article = web.url("/news/story");
      String articleId = ArticleIds.of(article.toString());
      web.serve("/rss", "application/rss+xml", rss(article));
      web.serve("/news/story", "text/html", page("Story", "First draft."));
      MutableClock clock = new MutableClock(T0);
      IngestConfig config =
          config(List.of(feed), Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1));

      try (IngestService first = new IngestService(config, bootstrap, clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        first.start();
        await().atMost(WAIT).until(() -> state(bootstrap, articleId).isPresent());
      }
      assertThat(rawVersions(bootstrap, articleId)).hasSize(1);

      clock.advance(Duration.ofMinutes(1));
      try (IngestService second = new IngestService(config, bootstrap, clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        int feedHits = web.hits("/rss");
        second.start();
        // The second service has read its state and polled the feed twice: the article is known, not new.
        await().atMost(WAIT).until(() -> web.hits("/rss") >= feedHits + 2);
        assertThat(web.hits("/news/story")).isEqualTo(1);

        // First re-check due (10 min after first seen); the page did not change: fetched, not published, its state
        // kept in memory (StateWrites) until the next write.
        long checksBefore = second.counters().checks();
        clock.advance(Duration.ofMinutes(9));
        await().atMost(WAIT).until(() -> second.counters().checks() == checksBefore + 1);
        assertThat(web.hits("/news/story")).isEqualTo(2);
        assertThat(rawVersions(bootstrap, articleId)).hasSize(1);

        // Second re-check due an hour after the first; the page changed: published.
        web.serve("/news/story", "text/html", page("Story", "Second draft."));
        clock.advance(Duration.ofHours(1));
        await().atMost(WAIT).until(() -> rawVersions(bootstrap, articleId).size() == 2);
      }

      List<RawVersion> versions = rawVersions(bootstrap, articleId);
      assertThat(versions).extracting(RawVersion::fetchedAt).containsExactly(T0, T0.plus(Duration.ofMinutes(70)));
      assertThat(versions.get(1).body()).contains("Second draft.");
      assertThat(state(bootstrap, articleId)).hasValueSatisfying(s -> {
        assertThat(s.firstSeen()).isEqualTo(T0);
        assertThat(s.fetches()).isEqualTo(3);
        assertThat(s.nextCheckAt()).isEqualTo(T0.plus(Duration.ofMinutes(70)).plus(Duration.ofDays(1)));
      });
      assertThat(readAll(bootstrap, Topics.INGEST_ERRORS))
          .noneMatch(r -> r.key().equals(article.toString()) || r.key().equals(feed.toString()));
    }
  }
}
