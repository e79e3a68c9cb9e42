package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.delivery.DeadLetterLog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dlq list}: every dead letter, one JSON object per line, oldest first. */
@Command(name = "list", description = "Print the dead letters as JSON lines (change, channel, attempts, lastError, at, reason).")
public final class DlqListCommand implements Callable<Integer> {
  @Mixin ClusterSource source;

  @Option(names = "--channel", paramLabel = "NAME", description = "only letters for this channel")
  String channel;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<DeadLetter> letters;
    try {
      letters = DeadLetterLog.readAll(source.bootstrapServers(), Duration.ofSeconds(30));
    } catch (NewsdeltaException e) {
      spec.commandLine().getErr().println("newsdelta dlq list: " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    letters.stream().filter(l -> channel == null || channel.equals(l.channel())).forEach(l -> out.println(Json.write(l)));
    out.flush();
    return 0;
  }
}
