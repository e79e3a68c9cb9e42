package io.newsdelta.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a service wrote, the way a downstream reader would. */
public final class Consume {

  private static final Duration POLL = Duration.ofMillis(100);

  private Consume() {
  }

  /**
   * Reads {@code topic} from the beginning with a new consumer group and {@code read_committed}
   * isolation, so records of aborted or still-open transactions are not seen.
   *
   * <p>Returns as soon as {@code expected} records have arrived, or when {@code timeout} has passed
   * with whatever arrived by then, so a test can assert on the exact list. The topic may be created
   * while this method waits.
   *
   * @param bootstrap the broker, e.g. {@link TestBroker#bootstrapServers()}
   * @param topic     the topic to read
   * @param expected  how many records to wait for
   * @param timeout   how long to wait at most
   * @return the records in the order they were polled (per partition, offset order)
   */
  public static List<ConsumerRecord<String, String>> records(
      String bootstrap, String topic, int expected, Duration timeout) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test-consume-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // New topics must show up quickly when the topic is created after subscribing.
        ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (received.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(received::add);
      }
    }
    return received;
  }
}
