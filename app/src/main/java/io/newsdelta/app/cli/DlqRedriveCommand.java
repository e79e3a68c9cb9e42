package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.notifier.delivery.DeadLetterLog;
import io.newsdelta.notifier.delivery.Outcome;
import io.newsdelta.notifier.delivery.Redrive;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dlq redrive}: sends dead letters again, each to the channel named in it (as configured now), with the
 * configured attempts. Prints one line per letter; exits 1 when any was not delivered.
 */
@Command(name = "redrive", description = "Resend the dead letters, each to the channel named in it.")
public final class DlqRedriveCommand implements Callable<Integer> {
  @Mixin ClusterSource source;

  @Option(names = "--channel", paramLabel = "NAME", description = "only letters for this channel")
  String channel;

  @Option(names = "--change", paramLabel = "ID", description = "only letters of this change id")
  String change;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<DeadLetter> letters;
    NotifierConfig config;
    AddressPolicy network;
    try {
      config = source.config().notifier();
      network = source.config().network().policy();
      letters = DeadLetterLog.readAll(source.bootstrapServers(), Duration.ofSeconds(30)).stream()
          .filter(l -> channel == null || channel.equals(l.channel()))
          .filter(l -> change == null || change.equals(l.change().changeId()))
          .toList();
    } catch (NewsdeltaException e) {
      spec.commandLine().getErr().println("newsdelta dlq redrive: " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean allDelivered = true;
    for (Redrive.Result r : Redrive.run(config, network, letters, Clock.systemUTC())) {
      boolean ok = r.outcome() == Outcome.DELIVERED;
      allDelivered &= ok;
      out.println((ok ? "redriven " : "not redriven ") + r.letter().change().changeId() + " to " + r.letter().channel()
          + (ok ? "" : ": " + r.error()));
    }
    out.println(letters.size() + " dead letter(s) considered");
    out.flush();
    return allDelivered ? 0 : 1;
  }
}
