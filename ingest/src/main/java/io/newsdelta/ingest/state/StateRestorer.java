package io.newsdelta.ingest.state;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
  private static final Duration POLL = Duration.ofMillis(200);

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
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-ingest-restore-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, ArticleState> states = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.INGEST_STATE, timeout);
      if (infos == null || infos.isEmpty()) {
        LOG.info("Topic {} does not exist yet; starting with no article state", Topics.INGEST_STATE);
        return states;
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long records = 0;
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new NewsdeltaException(
              "could not read " + Topics.INGEST_STATE + " to its end within " + timeout
                  + "; check that the Kafka cluster at " + bootstrapServers + " is healthy");
        }
        for (ConsumerRecord<String, byte[]> rec : consumer.poll(POLL)) {
          records++;
          apply(states, rec);
        }
      }
      LOG.info("Restored the state of {} articles from {} records of {}", states.size(), records,
          Topics.INGEST_STATE);
      return states;
    } catch (KafkaException e) {
      throw new NewsdeltaException(
          "could not read " + Topics.INGEST_STATE + " from " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void apply(Map<String, ArticleState> states, ConsumerRecord<String, byte[]> rec) {
    if (rec.key() == null) {
      return;
    }
    if (rec.value() == null) {
      states.remove(rec.key());
      return;
    }
    try {
      states.put(rec.key(), Json.read(rec.value(), ArticleState.class));
    } catch (NewsdeltaException e) {
      LOG.warn("Skipping state record for {} at {}-{}@{}: {}", rec.key(), rec.topic(), rec.partition(),
          rec.offset(), e.getMessage());
    }
  }
}
