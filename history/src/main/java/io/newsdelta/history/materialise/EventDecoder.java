package io.newsdelta.history.materialise;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.history.EventBatch;
import io.newsdelta.history.FeedMembership;
import io.newsdelta.kafka.KafkaClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns records of the four topics the history reads into a batch; an unreadable record is skipped with one line. */
final class EventDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(EventDecoder.class);
  /** The consumer group of the materialiser; the rebuild commits its end positions there. */
  static final String GROUP = "newsdelta-history";
  static final List<String> TOPICS =
      List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES, Topics.FEEDS, Topics.INGEST_STATE);

  private EventDecoder() {}

  /**
   * A consumer in group {@link #GROUP} with {@link KafkaClients}' defaults (no auto-commit; {@code read_committed},
   * as the diff worker writes in transactions and an aborted version must never be stored; from the earliest
   * offset), client id {@code newsdelta-history-<role>-<n>}.
   */
  static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String role) {
    return new KafkaClients(bootstrapServers, "history").consumer(role, Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, GROUP,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer());
  }

  static EventBatch decode(Iterable<ConsumerRecord<String, byte[]>> records) {
    EventBatch.Builder batch = new EventBatch.Builder();
    for (ConsumerRecord<String, byte[]> rec : records) {
      try {
        add(batch, rec);
      } catch (RuntimeException | IOException e) {
        LOG.warn("Skipping unreadable event at {}-{} offset {} (it is kept in the topic): {}",
            rec.topic(), rec.partition(), rec.offset(), e.getMessage());
      }
    }
    return batch.build();
  }

  /**
   * The four topics, with the versions and changes of the diff worker's generation {@code generation}
   * ({@code diff-worker.topic-generation}; "" for the original topics).
   */
  static List<String> topics(String generation) {
    if (generation == null || generation.isEmpty()) {
      return TOPICS;
    }
    return List.of(Topics.ARTICLE_VERSIONS + "." + generation, Topics.ARTICLE_CHANGES + "." + generation,
        Topics.FEEDS, Topics.INGEST_STATE);
  }

  /** The topic a record's topic is a generation of ({@code newsdelta.article-changes.g2}: the changes). */
  private static String base(String topic) {
    for (String t : List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES)) {
      if (topic.startsWith(t + ".")) {
        return t;
      }
    }
    return topic;
  }

  private static void add(EventBatch.Builder batch, ConsumerRecord<String, byte[]> rec) throws IOException {
    if (rec.value() == null) {
      return; // a tombstone: the history keeps what it knew
    }
    switch (base(rec.topic())) {
      case Topics.ARTICLE_VERSIONS -> batch.add(Json.read(rec.value(), ArticleVersion.class));
      case Topics.ARTICLE_CHANGES -> batch.add(Json.read(rec.value(), ArticleChange.class));
      case Topics.FEEDS -> batch.add(Json.read(rec.value(), FeedRegistration.class));
      case Topics.INGEST_STATE -> {
        // Only the feed an article belongs to is needed; the state record itself is ingest's.
        JsonNode state = Json.mapper().readTree(new String(rec.value(), StandardCharsets.UTF_8));
        if (state.hasNonNull("articleId") && state.hasNonNull("feedUrl")) {
          batch.add(new FeedMembership(state.get("articleId").asText(),
              state.hasNonNull("url") ? state.get("url").asText() : null, state.get("feedUrl").asText()));
        }
      }
      default -> { }
    }
  }
}
