package io.newsdelta.config;

import java.nio.file.Path;

/**
 * Where Kafka is.
 *
 * @param bootstrapServers the cluster to use; empty means start the embedded broker
 * @param partitions partitions for the article topics when newsdelta creates them
 * @param embedded the embedded broker's settings
 */
public record KafkaSettings(String bootstrapServers, int partitions, Embedded embedded) {

  public KafkaSettings {
    Check.range("kafka.partitions", partitions, 1, 1000);
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
