package io.newsdelta.app.cli;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.app.pipeline.Service;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.NewsdeltaConfig;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ingest}, {@code diff-worker}, {@code notifier}: one service alone, against the configured cluster. */
@Command(description = "Run one service alone against kafka.bootstrap-servers.")
public final class ServiceCommand implements Callable<Integer> {
  private final Service service;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  public ServiceCommand(Service service) {
    this.service = service;
  }

  @Override
  public Integer call() {
    return RunCommand.Launch.untilSignal(
        spec,
        () -> {
          NewsdeltaConfig loaded = config.load();
          if (loaded.kafka().useEmbedded()) {
            throw new ConfigException(
                "config key kafka.bootstrap-servers: value '' is not allowed when running one service alone; "
                    + "set it (or NEWSDELTA_KAFKA_BOOTSTRAP_SERVERS) to the cluster, or use run");
          }
          return Pipeline.start(loaded, EnumSet.of(service));
        });
  }
}
