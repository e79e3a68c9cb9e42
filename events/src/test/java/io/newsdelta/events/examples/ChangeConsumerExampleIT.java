package io.newsdelta.events.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Java example of docs/consuming.md on a real broker, reading changes written by newsdelta's serde
 * and header code inside transactions, as the diff worker writes them.
 */
class ChangeConsumerExampleIT {

  @Test
  void shouldHandleEachCommittedChangeOnceAndNeverAnAbortedOne() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      ArticleChange first = change("https://news.example/a", 1, 2);
      ArticleChange second = change("https://news.example/b", 1, 2);
      ArticleChange aborted = change("https://news.example/c", 1, 2);
      try (KafkaProducer<String, ArticleChange> producer = transactionalProducer(broker.bootstrapServers())) {
        producer.initTransactions();
        send(producer, List.of(first, second));
        send(producer, List.of(first)); // the same change again, as a copy or a replay would deliver it
        producer.beginTransaction();
        producer.send(record(aborted));
        producer.flush();
        producer.abortTransaction();
        send(producer, List.of(change("https://news.example/a", 2, 3)));
      }

      List<JsonNode> handled = new ArrayList<>();
      try (ChangeConsumerExample example =
          new ChangeConsumerExample(broker.bootstrapServers(), "example-" + UUID.randomUUID())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          example.pollOnce(handled::add);
          return handled.size() >= 3;
        });
        // Nothing else arrives: the duplicate is skipped, the aborted change never seen.
        for (int i = 0; i < 4; i++) {
          example.pollOnce(handled::add);
        }
      }

      assertThat(handled).extracting(c -> c.path("changeId").asText()).containsExactlyInAnyOrder(
          first.changeId(), second.changeId(), ArticleChange.idOf("https://news.example/a", 2, 3));
    }
  }

  private static void send(KafkaProducer<String, ArticleChange> producer, List<ArticleChange> changes) {
    producer.beginTransaction();
    changes.forEach(c -> producer.send(record(c)));
    producer.commitTransaction();
  }

  private static ProducerRecord<String, ArticleChange> record(ArticleChange change) {
    ProducerRecord<String, ArticleChange> record =
        new ProducerRecord<>(Topics.ARTICLE_CHANGES, change.articleId(), change);
    CloudEvents.addHeaders(record.headers(), change.changeId(), CloudEvents.TYPE_ARTICLE_CHANGE, "/newsdelta/diff-worker");
    return record;
  }

  private static KafkaProducer<String, ArticleChange> transactionalProducer(String servers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-" + UUID.randomUUID());
    return new KafkaProducer<>(props, new StringSerializer(), JsonSerde.of(ArticleChange.class));
  }

  /** A change as the diff worker writes it; built from JSON so fields added to the record need no edit here. */
  static ArticleChange change(String articleId, int from, int to) {
    return Json.read("""
        {"changeId": "%s", "articleId": "%s", "url": "%s", "title": "Title %d", "previousTitle": "Title %d",
         "fromVersion": %d, "toVersion": %d, "fromObservedAt": "2026-12-01T10:00:00Z",
         "toObservedAt": "2026-12-01T10:01:00Z", "headlineChanged": true, "minor": false, "revertOf": null,
         "hunks": [{"op": "replace", "oldText": "old", "newText": "new"}],
         "stats": {"wordsAdded": 1, "wordsRemoved": 1}, "summary": "Version %d → %d"}
        """.formatted(ArticleChange.idOf(articleId, from, to), articleId, articleId, to, from, from, to, from, to),
        ArticleChange.class);
  }
}
