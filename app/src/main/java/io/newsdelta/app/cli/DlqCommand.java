package io.newsdelta.app.cli;

import picocli.CommandLine.Command;

/** {@code dlq list|redrive}: the changes the notifier could not deliver. */
@Command(
    name = "dlq",
    description = "Show or resend the changes on newsdelta.notifications.dlq.",
    subcommands = {DlqListCommand.class, DlqRedriveCommand.class})
public final class DlqCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
