package io.newsdelta.app.cli;

import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command finds the configuration and Kafka: {@code --config}, Kafka overridden by {@code --bootstrap-servers}. */
final class ClusterSource {
  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ${DEFAULT-VALUE})")
  Path file = Path.of("newsdelta.yml");

  @Option(names = "--bootstrap-servers", paramLabel = "H:P", description = "Kafka to use (default: kafka.bootstrap-servers of the config)")
  String bootstrapServers;

  NewsdeltaConfig config() {
    return ConfigLoader.load(file);
  }

  /** The file's configuration, or the defaults (with the environment's overrides) when there is no file. */
  NewsdeltaConfig configOrDefaults() {
    return Files.isRegularFile(file) ? config() : ConfigLoader.parse("", System.getenv());
  }

  String bootstrapServers() {
    if (bootstrapServers != null) {
      return bootstrapServers;
    }
    return Files.isRegularFile(file) ? config().kafka().effectiveBootstrapServers() : "127.0.0.1:9092";
  }
}
