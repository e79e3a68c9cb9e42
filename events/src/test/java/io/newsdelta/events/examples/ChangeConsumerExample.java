package io.newsdelta.events.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Java consumer of {@code newsdelta.article-changes}: reads committed changes from the beginning,
 * skips a change it has handled already (by {@code changeId}), and commits after handling, so a crash
 * re-reads at most the last batch and the de-duplication absorbs it.
 *
 * <pre>
 * java -cp kafka-clients.jar:jackson-databind.jar:... io.newsdelta.events.examples.ChangeConsumerExample localhost:9092
 * </pre>
 */
public final class ChangeConsumerExample implements AutoCloseable {
  static final String TOPIC = "newsdelta.article-changes";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REMEMBERED_IDS = 100_000;

  private final KafkaConsumer<String, String> consumer;
  /** The change ids handled last, oldest first; a database would use a unique key on change_id instead. */
  private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_IDS;
    }
  };

  public ChangeConsumerExample(String bootstrapServers, String groupId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The diff worker writes in transactions: see only what it committed.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
  }

  /** Polls once and hands each change not seen before to {@code handler}; returns how many it handed. */
  public int pollOnce(Consumer<JsonNode> handler) throws IOException {
    int handled = 0;
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
      JsonNode change = JSON.readTree(record.value());
      String changeId = change.path("changeId").asText();
      if (seen.putIfAbsent(changeId, Boolean.TRUE) == null) {
        handler.accept(change);
        handled++;
      }
    }
    consumer.commitSync();
    return handled;
  }

  @Override
  public void close() {
    consumer.close();
  }

  public static void main(String[] args) throws IOException {
    String servers = args.length > 0 ? args[0] : "localhost:9092";
    try (ChangeConsumerExample example = new ChangeConsumerExample(servers, "change-printer")) {
      while (!Thread.currentThread().isInterrupted()) {
        example.pollOnce(change -> System.out.printf("%s v%d→v%d %s%n",
            change.path("articleId").asText(), change.path("fromVersion").asInt(),
            change.path("toVersion").asInt(), change.path("summary").asText()));
      }
    }
  }
}
