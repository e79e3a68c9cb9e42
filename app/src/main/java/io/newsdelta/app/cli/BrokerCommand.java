package io.newsdelta.app.cli;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.NewsdeltaConfig;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code broker}: the embedded Kafka broker alone, with newsdelta's topics created, so that the services can
 * run as separate processes against it (and be killed and restarted independently) on one machine.
 */
@Command(name = "broker",
    description = "Run the embedded Kafka broker alone (kafka.embedded.*), with newsdelta's topics created.")
public final class BrokerCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return RunCommand.Launch.untilSignal(
        spec,
        () -> {
          NewsdeltaConfig loaded = config.load();
          if (!loaded.kafka().useEmbedded()) {
            throw new ConfigException("config key kafka.bootstrap-servers: value '"
                + loaded.kafka().bootstrapServers() + "' is not allowed for broker, which starts the embedded "
                + "broker; leave it empty (the services then take the broker's address in their own config)");
          }
          return Pipeline.start(loaded, EnumSet.noneOf(io.newsdelta.app.pipeline.Service.class));
        });
  }
}
