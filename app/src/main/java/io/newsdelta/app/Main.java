package io.newsdelta.app;

import io.newsdelta.app.cli.DemoCommand;
import io.newsdelta.app.cli.DlqCommand;
import io.newsdelta.app.cli.ExtractCommand;
import io.newsdelta.app.cli.RunCommand;
import io.newsdelta.app.cli.ServiceCommand;
import io.newsdelta.app.cli.SubscriptionsCommand;
import io.newsdelta.app.cli.TailCommand;
import io.newsdelta.app.pipeline.Service;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code newsdelta.jar}. */
@Command(
    name = "newsdelta",
    mixinStandardHelpOptions = true,
    version = "newsdelta 0.1.0",
    description = "Watches news feeds, keeps every version of every article, diffs them word by word and alerts.")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.addSubcommand("run", new RunCommand());
    cli.addSubcommand("demo", new DemoCommand());
    cli.addSubcommand("ingest", new ServiceCommand(Service.INGEST));
    cli.addSubcommand("diff-worker", new ServiceCommand(Service.DIFF_WORKER));
    cli.addSubcommand("notifier", new ServiceCommand(Service.NOTIFIER));
    cli.addSubcommand("extract", new ExtractCommand());
    cli.addSubcommand("tail", new TailCommand());
    cli.addSubcommand("dlq", new DlqCommand());
    cli.addSubcommand("subscriptions", new SubscriptionsCommand());
    return cli;
  }
}
