package io.newsdelta.ingest.state;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.CompactedTopicReader;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole {@link Topics#INGEST_STATE} topic, from the beginning to the end offsets seen when it
 * starts, into a map from article id to its latest state. Tombstones remove an article; a record that is
 * not a valid state is skipped with a warning (the next fetch of that article writes a good one).
 */
public final class StateRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(StateRestorer.class);

  private final String bootstrapServers;
  private final Duration timeout;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param timeout how long the whole restore may take before it fails
   */
  public StateRestorer(String bootstrapServers, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  /**
   * The latest state of every article.
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, ArticleState> restore() {
    Map<String, ArticleState> states = new HashMap<>();
    KafkaClients clients = new KafkaClients(bootstrapServers, "ingest");
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer("restore",
        Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      CompactedTopicReader.Read read =
          new CompactedTopicReader<>(consumer, Topics.INGEST_STATE, rec -> apply(states, rec)).readToEnd(timeout);
      if (!read.topicExists()) {
        LOG.info("Topic {} does not exist yet; starting with no article state", Topics.INGEST_STATE);
      } else {
        LOG.info("Restored the state of {} articles from {} records of {}", states.size(), read.records(),
            Topics.INGEST_STATE);
      }
      return states;
    } catch (KafkaException e) {
      throw new NewsdeltaException(
          "could not read " + Topics.INGEST_STATE + " from " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  private static void apply(Map<String, ArticleState> states, ConsumerRecord<String, byte[]> rec) {
    if (rec.key() == null) {
      return;
    }
    if (rec.value() == null) {
      states.remove(rec.key());
      return;
    }
    // A record that is not a state throws NewsdeltaException: the reader skips it with a warning.
    states.put(rec.key(), Json.read(rec.value(), ArticleState.class));
  }
}
