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
    KafkaKeys.PARTITIONS.check(partitions);
    KafkaKeys.RAW_RETENTION.check(rawRetention);
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
      KafkaKeys.EMBEDDED_PORT.check(port);
      KafkaKeys.EMBEDDED_CONTROLLER_PORT.check(controllerPort);
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
