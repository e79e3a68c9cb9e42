package io.newsdelta.history.materialise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Topics;
import io.newsdelta.history.ArticleRow;
import io.newsdelta.history.HistoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The materialiser and the rebuild on a real broker, writing to a real SQLite file and a real PostgreSQL. */
class MaterialiserIT {
  private static final String ARTICLE = "https://news.example/world/storm";
  private static final String FEED = "https://news.example/rss.xml";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final TopicsFixture kafka = new TopicsFixture();

  private void send(String topic, String key, Object value) throws Exception {
    kafka.send(topic, key, key, value);
  }

  private static ArticleVersion version(int n) {
    return new ArticleVersion(ARTICLE, ARTICLE, n, T0.plusSeconds(600L * n), "Storm headline " + n, null,
        List.of("Paragraph of version " + n + "."), "sha-" + n, null);
  }

  private static ArticleChange change(int from, int to) {
    return new ArticleChange(ArticleChange.idOf(ARTICLE, from, to), ARTICLE, ARTICLE, "Storm headline " + to,
        from, to, T0.plusSeconds(600L * from), T0.plusSeconds(600L * to), true, false, null,
        List.of(new Hunk(Hunk.Op.REPLACE, "" + from, "" + to)), new ChangeStats(1, 1), "summary", "Storm headline " + from);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldMaterialiseTheTopicsIdempotentlyAndContinueFromTheCommittedOffsetsAfterARestart(Supplier<String> db)
      throws Exception {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      send(Topics.FEEDS, FEED, new FeedRegistration(FEED, "Example News"));
      send(Topics.INGEST_STATE, ARTICLE,
          Map.of("articleId", ARTICLE, "url", ARTICLE, "feedUrl", FEED, "fetches", 2));
      send(Topics.ARTICLE_VERSIONS, ARTICLE, version(1));
      send(Topics.ARTICLE_VERSIONS, ARTICLE, version(2));
      send(Topics.ARTICLE_CHANGES, ARTICLE, change(1, 2));
      // The same version twice (a re-delivery) and an unreadable record: neither doubles nor stops anything.
      send(Topics.ARTICLE_VERSIONS, ARTICLE, version(2));
      send(Topics.ARTICLE_VERSIONS, ARTICLE, "not json".getBytes(StandardCharsets.UTF_8));

      try (Materialiser first = new Materialiser(kafka.bootstrap(), store.writer())) {
        first.start();
        await().atMost(WAIT).until(() -> store.reader().article(ARTICLE).map(ArticleRow::versions).orElse(0) == 2
            && store.reader().changesOf(ARTICLE).size() == 1
            && store.reader().feeds(10).size() == 1);
      }
      assertThat(store.reader().versionCount()).isEqualTo(2);
      assertThat(store.reader().article(ARTICLE).orElseThrow().feedUrl()).isEqualTo(FEED);

      send(Topics.ARTICLE_VERSIONS, ARTICLE, version(3));
      send(Topics.ARTICLE_CHANGES, ARTICLE, change(2, 3));
      try (Materialiser second = new Materialiser(kafka.bootstrap(), store.writer())) {
        second.start();
        await().atMost(WAIT).until(() -> store.reader().changesOf(ARTICLE).size() == 2);
        // Only what came after the first instance's commit is read again.
        await().atMost(WAIT).until(() -> second.written() == 2);
      }
      assertThat(store.reader().versionCount()).isEqualTo(3);
      assertThat(store.reader().article(ARTICLE).orElseThrow().title()).isEqualTo("Storm headline 3");

      // A rebuild empties the store and reads everything again, with progress, to the same result.
      StringWriter out = new StringWriter();
      long read = HistoryRebuild.run(kafka.bootstrap(), store.writer(), new PrintWriter(out));
      assertThat(read).isEqualTo(9);
      assertThat(out.toString())
          .contains("history rebuild: emptied the store; reading 9 events")
          .contains("history rebuild: done, 9 events read");
      assertThat(store.reader().versionCount()).isEqualTo(3);
      assertThat(store.reader().changesOf(ARTICLE)).hasSize(2);
      assertThat(store.reader().article(ARTICLE).orElseThrow().versions()).isEqualTo(3);
      // ... the search index and the feed's count with it.
      assertThat(store.reader().search("\"paragraph of version 3\" storm", 1, 10).items())
          .extracting(ArticleRow::articleId).containsExactly(ARTICLE);
      assertThat(store.reader().search("\"version 2\"", 1, 10).items()).isEmpty();
      assertThat(store.reader().feeds(10)).singleElement().extracting(f -> f.articles()).isEqualTo(1);

      // The rebuild committed its end positions: a materialiser started now has nothing to read again.
      send(Topics.ARTICLE_VERSIONS, ARTICLE, version(4));
      try (Materialiser third = new Materialiser(kafka.bootstrap(), store.writer())) {
        third.start();
        await().atMost(WAIT).until(() -> store.reader().versionCount() == 4 && third.written() == 1);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void shouldShowTheBrokerItsClientIdInGroupNewsdeltaHistory() throws Exception {
    try (HistoryStore store = HistoryStore.open(io.newsdelta.history.Databases.sqlite());
        Materialiser materialiser = new Materialiser(kafka.bootstrap(), store.writer());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
      materialiser.start();
      await().atMost(WAIT).until(materialiser::assigned);

      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("newsdelta-history"))
          .describedGroups().get("newsdelta-history").get(30, TimeUnit.SECONDS);
      assertThat(group.members()).singleElement()
          .satisfies(m -> assertThat(m.clientId()).matches("newsdelta-history-materialiser-\\d+"));
    }
  }
}
