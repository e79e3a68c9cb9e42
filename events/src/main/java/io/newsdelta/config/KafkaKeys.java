package io.newsdelta.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The {@code kafka.*} keys and how they make {@link KafkaSettings}. */
public final class KafkaKeys {
  public static final Key<String> BOOTSTRAP_SERVERS = Key.of("kafka.bootstrap-servers", Type.text(), "",
      "the cluster to use; empty starts the embedded broker");
  public static final Key<Integer> PARTITIONS = Key.of("kafka.partitions", Type.integer(1, 1000), 6,
      "partitions of the article topics when newsdelta creates them (the unit of scale-out)");
  public static final Key<Integer> EMBEDDED_PORT = Key.of("kafka.embedded.port", Type.integer(0, 65535), 9092,
      "the embedded broker's client port on 127.0.0.1 (0: a free port)");
  public static final Key<Integer> EMBEDDED_CONTROLLER_PORT = Key.of("kafka.embedded.controller-port",
      Type.integer(0, 65535), 0, "its KRaft controller port; 0 takes a free loopback port");
  public static final Key<Path> EMBEDDED_DATA_DIR = Key.of("kafka.embedded.data-dir", Type.path(),
      Path.of("./data/kafka"), "its log directory; formatted on first start only, survives restarts");
  public static final Key<Duration> RAW_RETENTION = Key.of("kafka.raw-retention", Type.duration(),
      Duration.ofDays(14), "how long `newsdelta.raw-versions` keeps fetched pages (`retention.ms`); the version "
          + "and change topics are kept for ever");

  /** In the order of the README table. */
  public static final List<Key<?>> ALL = List.of(BOOTSTRAP_SERVERS, PARTITIONS, EMBEDDED_PORT,
      EMBEDDED_CONTROLLER_PORT, EMBEDDED_DATA_DIR, RAW_RETENTION);

  private KafkaKeys() {}

  static KafkaSettings bind(ConfigTree v) {
    return new KafkaSettings(v.get(BOOTSTRAP_SERVERS), v.get(PARTITIONS),
        new KafkaSettings.Embedded(v.get(EMBEDDED_PORT), v.get(EMBEDDED_CONTROLLER_PORT), v.get(EMBEDDED_DATA_DIR)),
        v.get(RAW_RETENTION));
  }
}
