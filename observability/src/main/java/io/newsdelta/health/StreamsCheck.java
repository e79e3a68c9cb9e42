package io.newsdelta.health;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/** Readiness of a Kafka Streams application: RUNNING, which it reaches once its state is restored. */
public final class StreamsCheck {
  private StreamsCheck() {}

  /** Why {@code streams} is not ready (its state, and what that means), or empty when it is RUNNING. */
  public static Optional<String> notReady(KafkaStreams streams) {
    KafkaStreams.State state = streams.state();
    return switch (state) {
      case RUNNING -> Optional.empty();
      case CREATED -> Optional.of("Kafka Streams is CREATED (not started yet)");
      case REBALANCING -> Optional.of("Kafka Streams is REBALANCING (partitions being assigned or state restored)");
      case PENDING_ERROR, ERROR -> Optional.of("Kafka Streams is " + state + " (stopped by an error; see the log)");
      default -> Optional.of("Kafka Streams is " + state + " (stopping)");
    };
  }
}
