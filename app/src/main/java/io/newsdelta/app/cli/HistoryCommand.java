package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.history.materialise.HistoryRebuild;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code history rebuild}: the history store emptied and filled again from the topics. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Manage the history store (history.database-url).",
    subcommands = HistoryCommand.Rebuild.class)
public final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Truncates the store and re-reads the version, change, feed and ingest-state topics from the beginning. */
  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = {
        "Empty the history store and read the topics again from the beginning (progress on standard error).",
        "Stop the notifier first. With kafka.bootstrap-servers empty, the embedded broker is started on its data directory."
      })
  static final class Rebuild implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      EmbeddedKafka broker = null;
      try {
        NewsdeltaConfig loaded = config.load();
        String bootstrap = loaded.kafka().bootstrapServers();
        if (loaded.kafka().useEmbedded()) {
          var embedded = loaded.kafka().embedded();
          broker = EmbeddedKafka.start(embedded.dataDir(), embedded.port(), embedded.controllerPort());
          bootstrap = broker.bootstrapServers();
        }
        try (HistoryStore store = HistoryStore.open(loaded.history().databaseUrl())) {
          HistoryRebuild.run(bootstrap, loaded.diffWorker().topicGeneration(), store.writer(), spec.commandLine().getErr());
        }
        return 0;
      } catch (ConfigException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      } catch (NewsdeltaException e) {
        spec.commandLine().getErr().println("history rebuild: " + e.getMessage());
        return 1;
      } finally {
        if (broker != null) {
          broker.close();
        }
      }
    }
  }
}
