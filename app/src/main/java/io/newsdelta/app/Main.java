package io.newsdelta.app;

import io.newsdelta.app.cli.BrokerCommand;
import io.newsdelta.app.cli.ConfigCommand;
import io.newsdelta.app.cli.DemoCommand;
import io.newsdelta.app.cli.DlqCommand;
import io.newsdelta.app.cli.ExtractCommand;
import io.newsdelta.app.cli.FeedsCommand;
import io.newsdelta.app.cli.HealthcheckCommand;
import io.newsdelta.app.cli.ReplayCommand;
import io.newsdelta.app.cli.HistoryCommand;
import io.newsdelta.app.cli.RunCommand;
import io.newsdelta.app.cli.ServiceCommand;
import io.newsdelta.app.cli.SubscriptionsCommand;
import io.newsdelta.app.cli.TopicsCommand;
import io.newsdelta.app.cli.DoctorCommand;
import io.newsdelta.app.cli.TailCommand;
import io.newsdelta.app.pipeline.Service;
import io.newsdelta.ingest.fetch.CommonPoolSizing;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** Entry point of {@code newsdelta.jar}. */
@Command(
    name = "newsdelta",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    version = "newsdelta 0.1.0",
    description = "Watches news feeds, keeps every version of every article, diffs them word by word and alerts.")
public final class Main {
  static {
    CommonPoolSizing.apply(); // before any CompletableFuture or HttpClient exists
    NioBufferCache.apply(); // before any socket is read or written
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.addSubcommand("run", new RunCommand());
    cli.addSubcommand("demo", new DemoCommand());
    cli.addSubcommand("broker", new BrokerCommand());
    cli.addSubcommand("ingest", new ServiceCommand(Service.INGEST));
    cli.addSubcommand("diff-worker", new ServiceCommand(Service.DIFF_WORKER));
    cli.addSubcommand("notifier", new ServiceCommand(Service.NOTIFIER));
    cli.addSubcommand("stories", new ServiceCommand(Service.STORIES));
    cli.addSubcommand("extract", new ExtractCommand());
    cli.addSubcommand("tail", new TailCommand());
    cli.addSubcommand("config", new ConfigCommand());
    cli.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
    cli.addSubcommand("replay", new ReplayCommand());
    cli.addSubcommand("history", new HistoryCommand());
    cli.addSubcommand("dlq", new DlqCommand());
    cli.addSubcommand("subscriptions", new SubscriptionsCommand());
    cli.addSubcommand("topics", new TopicsCommand());
    cli.addSubcommand("doctor", new DoctorCommand());
    cli.addSubcommand("feeds", new FeedsCommand());
    cli.addSubcommand("healthcheck", new HealthcheckCommand());
    return cli;
  }
}
