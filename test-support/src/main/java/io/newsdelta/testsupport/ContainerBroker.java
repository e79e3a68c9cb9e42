package io.newsdelta.testsupport;

import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;

/** A single-node {@code apache/kafka} container, set up like the embedded broker. */
final class ContainerBroker implements TestBroker.Backend {

  static final String KIND = "testcontainers";
  /** Override with the system property {@code newsdelta.test.kafka-image}. */
  static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";
  /** 16 MiB of payload plus batch overhead, as in the embedded broker. */
  private static final String MAX_MESSAGE_BYTES = Integer.toString(17 * 1024 * 1024);

  private static final Map<String, String> SETTINGS = Map.ofEntries(
      Map.entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false"),
      Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
      Map.entry("KAFKA_MESSAGE_MAX_BYTES", MAX_MESSAGE_BYTES),
      Map.entry("KAFKA_REPLICA_FETCH_MAX_BYTES", MAX_MESSAGE_BYTES),
      Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
      Map.entry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1"),
      Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
      Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
      Map.entry("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1"),
      Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
      Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"));

  private final KafkaContainer container;

  private ContainerBroker(KafkaContainer container) {
    this.container = container;
  }

  @SuppressWarnings("resource") // closed by close()
  static ContainerBroker start() {
    KafkaContainer container = new KafkaContainer(System.getProperty("newsdelta.test.kafka-image", DEFAULT_IMAGE))
        .withEnv(SETTINGS);
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw e;
    }
    return new ContainerBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void close() {
    container.close();
  }
}
