package io.newsdelta.notifier.delivery;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.CompactedTopicReader;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link Topics#NOTIFICATIONS_DLQ} from its start to its current end, without a consumer group (the
 * {@link CompactedTopicReader}; client id {@code newsdelta-dlq-read-<n>}).
 */
public final class DeadLetterLog {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterLog.class);

  private DeadLetterLog() {}

  /**
   * Every dead letter on the topic now, oldest first (unreadable records skipped with a log line).
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within {@code timeout}
   */
  public static List<DeadLetter> readAll(String bootstrapServers, Duration timeout) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaClients(bootstrapServers, "dlq").consumer("read",
        Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      new CompactedTopicReader<>(consumer, Topics.NOTIFICATIONS_DLQ, rec -> add(letters, rec)).readToEnd(timeout);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new NewsdeltaException("cannot read " + Topics.NOTIFICATIONS_DLQ + " at " + bootstrapServers + ": " + e.getMessage(), e);
    }
    return letters;
  }

  private static void add(List<DeadLetter> letters, ConsumerRecord<byte[], byte[]> rec) {
    if (rec.value() == null) {
      return;
    }
    try {
      letters.add(Json.read(rec.value(), DeadLetter.class));
    } catch (NewsdeltaException e) {
      LOG.warn("Skipping an unreadable dead letter at offset {}: {}", rec.offset(), e.getMessage());
    }
  }
}
