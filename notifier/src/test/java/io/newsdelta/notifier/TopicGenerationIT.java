package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.HistoryConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A notifier told the diff worker's {@code diff-worker.topic-generation} reads that generation's topics: its
 * lanes deliver the changes of {@code newsdelta.article-changes.g2} and its history materialiser stores them and
 * the versions of {@code newsdelta.article-versions.g2}, while what is on the original topics is not read.
 */
class TopicGenerationIT {
  private static final String ARTICLE = "https://news.example/replayed";

  @Test
  void shouldDeliverAndMaterialiseTheGenerationsTopicsOnly() throws Exception {
    String db = "jdbc:sqlite:" + Files.createTempDirectory("notifier-generation").resolve("history.db");
    try (TestBroker broker = TestBroker.start(); WebhookReceiver hook = WebhookReceiver.start();
        Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      TopicAdmin.ensure(broker.bootstrapServers(), List.of(
          new Topics.TopicSpec(Topics.ARTICLE_CHANGES + ".g2", 2, Map.of()),
          new Topics.TopicSpec(Topics.ARTICLE_VERSIONS + ".g2", 2, Map.of())));
      ArticleChange original = Fixtures.change("https://news.example/original", 1, 2);
      ArticleChange replayed = Fixtures.change(ARTICLE, 1, 2);
      producer.send(original);
      producer.sendRaw(Topics.ARTICLE_VERSIONS + ".g2", ARTICLE, Json.writeBytes(Fixtures.version(ARTICLE, 1, 0, "Storm", "Ten.")));
      producer.sendRaw(Topics.ARTICLE_VERSIONS + ".g2", ARTICLE, Json.writeBytes(Fixtures.version(ARTICLE, 2, 10, "Storm", "Twelve.")));
      producer.sendRaw(Topics.ARTICLE_CHANGES + ".g2", ARTICLE, Json.writeBytes(replayed));
      try (NotifierService notifier = new NotifierService(Fixtures.config(3, Duration.ofMillis(50), hook.url()),
          new HistoryConfig(db), broker.bootstrapServers(), List.of(), null, null, AddressPolicy.WITH_LOOPBACK, "g2");
          HistoryStore history = HistoryStore.open(db)) {
        notifier.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          assertThat(hook.received()).extracting(r -> r.headers().get("idempotency-key"))
              .containsExactly(replayed.changeId());
          assertThat(history.reader().changesOf(ARTICLE)).extracting(ArticleChange::changeId)
              .containsExactly(replayed.changeId());
          assertThat(history.reader().timeline(ARTICLE)).hasSize(2);
        });
        assertThat(history.reader().changesOf(original.articleId())).isEmpty();
      }
    }
  }
}
