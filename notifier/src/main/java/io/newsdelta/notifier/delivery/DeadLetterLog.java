package io.newsdelta.notifier.delivery;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@link Topics#NOTIFICATIONS_DLQ} from its start to its current end, without a consumer group. */
public final class DeadLetterLog {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterLog.class);

  private DeadLetterLog() {}

  /**
   * Every dead letter on the topic now, oldest first (unreadable records skipped with a log line).
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within {@code timeout}
   */
  public static List<DeadLetter> readAll(String bootstrapServers, Duration timeout) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-dlq-reader");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long deadline = System.nanoTime() + timeout.toNanos();
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS_DLQ, timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new NewsdeltaException("cannot read " + Topics.NOTIFICATIONS_DLQ + " to its end within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
          if (rec.value() == null) {
            continue;
          }
          try {
            letters.add(Json.read(rec.value(), DeadLetter.class));
          } catch (NewsdeltaException e) {
            LOG.warn("Skipping an unreadable dead letter at offset {}: {}", rec.offset(), e.getMessage());
          }
        }
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new NewsdeltaException("cannot read " + Topics.NOTIFICATIONS_DLQ + " at " + bootstrapServers + ": " + e.getMessage(), e);
    }
    return letters;
  }
}
