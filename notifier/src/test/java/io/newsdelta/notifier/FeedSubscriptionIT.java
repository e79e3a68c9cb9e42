package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.history.ArticleRow;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions by feed: a change carries no feed, so the notifier finds the article's feed in the history (from
 * ingest's state topic) and matches a subscription's {@code feeds} entry against the feed's URL or its name (from
 * the feed registry).
 */
class FeedSubscriptionIT {
  private static final String POLITICS = "https://news.example/politics.rss";
  private static final String SPORT = "https://news.example/sport.rss";
  private static final String BUDGET = "https://news.example/politics/budget";
  private static final String MATCH = "https://news.example/sport/match";

  @Test
  void shouldRouteByTheFeedsUrlOrNameLearntFromTheHistory() throws Exception {
    String db = "jdbc:sqlite:" + Files.createTempDirectory("notifier-feeds").resolve("history.db");
    try (TestBroker broker = TestBroker.start(); WebhookReceiver byName = WebhookReceiver.start();
        WebhookReceiver byUrl = WebhookReceiver.start();
        Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50)).withChannels(
          List.of(new ChannelConfig("by-name", "webhook", byName.url(), null, null, List.of(), null),
              new ChannelConfig("by-url", "webhook", byUrl.url(), null, null, List.of(), null)),
          List.of(new SubscriptionConfig("politics", List.of("Politics desk"), null, null, null, null, null, null,
                  List.of("by-name")),
              new SubscriptionConfig("sport", List.of(SPORT), null, null, null, null, null, null, List.of("by-url"))));
      producer.sendRaw(Topics.FEEDS, POLITICS, Json.writeBytes(new FeedRegistration(POLITICS, "Politics desk")));
      producer.sendRaw(Topics.FEEDS, SPORT, Json.writeBytes(new FeedRegistration(SPORT, "Sport")));
      producer.sendRaw(Topics.INGEST_STATE, BUDGET,
          Json.writeBytes(Map.of("articleId", BUDGET, "url", BUDGET, "feedUrl", POLITICS)));
      producer.sendRaw(Topics.INGEST_STATE, MATCH, Json.writeBytes(Map.of("articleId", MATCH, "url", MATCH, "feedUrl", SPORT)));
      producer.send(Fixtures.version(BUDGET, 1, 0, "Budget", "Ten."));
      producer.send(Fixtures.version(MATCH, 1, 0, "Match", "Ten."));
      try (NotifierService notifier = Fixtures.notifier(config, new HistoryConfig(db), broker.bootstrapServers());
          HistoryStore history = HistoryStore.open(db)) {
        notifier.start();
        // The history has learnt both articles' feeds before their changes come.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          assertThat(history.reader().article(BUDGET).map(ArticleRow::feedUrl)).contains(POLITICS);
          assertThat(history.reader().article(MATCH).map(ArticleRow::feedUrl)).contains(SPORT);
        });
        producer.send(Fixtures.change(BUDGET, 1, 2));
        producer.send(Fixtures.change(MATCH, 1, 2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          assertThat(byName.received()).extracting(r -> r.headers().get("idempotency-key"))
              .containsExactly(Fixtures.change(BUDGET, 1, 2).changeId());
          assertThat(byUrl.received()).extracting(r -> r.headers().get("idempotency-key"))
              .containsExactly(Fixtures.change(MATCH, 1, 2).changeId());
        });
      }
    }
  }
}
