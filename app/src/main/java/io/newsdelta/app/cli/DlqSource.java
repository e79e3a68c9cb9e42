package io.newsdelta.app.cli;

import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the dlq commands find Kafka and the channels: {@code --config}, overridden by {@code --bootstrap-servers}. */
final class DlqSource {
  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ${DEFAULT-VALUE})")
  Path file = Path.of("newsdelta.yml");

  @Option(names = "--bootstrap-servers", paramLabel = "H:P", description = "Kafka to read (default: from the config)")
  String bootstrapServers;

  NewsdeltaConfig config() {
    return ConfigLoader.load(file);
  }

  String bootstrapServers() {
    if (bootstrapServers != null) {
      return bootstrapServers;
    }
    return Files.isRegularFile(file) ? config().kafka().effectiveBootstrapServers() : "127.0.0.1:9092";
  }
}
