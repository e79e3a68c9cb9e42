package io.newsdelta.app.cli;

import io.newsdelta.app.logging.LogFormat;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the service commands. */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ${DEFAULT-VALUE})")
  Path file = Path.of("newsdelta.yml");

  /** The configuration; its {@code logging.format} applies from here on. */
  NewsdeltaConfig load() {
    NewsdeltaConfig config = ConfigLoader.load(file);
    LogFormat.apply(config.observability());
    return config;
  }
}
