package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.broker.BrokerException;
import io.newsdelta.app.pipeline.Pipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: all three services in one process, with the embedded broker when no cluster is configured. */
@Command(name = "run", description = "Run ingest, diff-worker and notifier in one process (embedded Kafka by default).")
public final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return Launch.untilSignal(spec, () -> Pipeline.start(config.load()));
  }

  /** Starting and stopping shared by run, demo and the single services. */
  static final class Launch {
    private Launch() {}

    /** Starts, waits for SIGTERM or SIGINT, stops; a start-up failure is one line on standard error, exit 2. */
    static int untilSignal(CommandSpec spec, java.util.function.Supplier<Pipeline> start) {
      UntilSignal signal = UntilSignal.install(); // before starting: a signal during start-up stops it after
      Pipeline pipeline;
      try {
        pipeline = start.get();
      } catch (NewsdeltaException | BrokerException e) {
        spec.commandLine().getErr().println("newsdelta: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 2;
      }
      try {
        signal.await();
      } finally {
        pipeline.close();
      }
      return 0;
    }
  }
}
