package io.newsdelta.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Kafka is.
 *
 * @param bootstrapServers the cluster to use; empty means start the embedded broker
 * @param partitions partitions for the article topics when newsdelta creates them
 * @param embedded the embedded broker's settings
 * @param rawRetention how long {@code newsdelta.raw-versions} keeps fetched pages (the version and change
 *     topics are kept for ever)
 */
public record KafkaSettings(String bootstrapServers, int partitions, Embedded embedded, Duration rawRetention) {

  public KafkaSettings {
    Check.range("kafka.partitions", partitions, 1, 1000);
    Check.positive("kafka.raw-retention", rawRetention);
  }

  /**
   * The in-process broker.
   *
   * @param port the client listener on 127.0.0.1
   * @param controllerPort the KRaft controller listener, or 0 for a free port
   * @param dataDir the log directory; survives restarts
   */
  public record Embedded(int port, int controllerPort, Path dataDir) {
    public Embedded {
      Check.range("kafka.embedded.port", port, 0, 65535);
      Check.range("kafka.embedded.controller-port", controllerPort, 0, 65535);
    }
  }

  public boolean useEmbedded() {
    return bootstrapServers == null || bootstrapServers.isBlank();
  }

  /** The bootstrap servers clients use: the configured ones, or the embedded broker's listener. */
  public String effectiveBootstrapServers() {
    return useEmbedded() ? "127.0.0.1:" + embedded.port() : bootstrapServers;
  }
}
