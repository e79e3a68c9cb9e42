package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.app.pipeline.Pipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: all three services in one process, with the embedded broker when no cluster is configured. */
@Command(name = "run", description = "Run ingest, diff-worker and notifier in one process (embedded Kafka by default).")
public final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    return Launch.untilSignal(() -> Pipeline.start(config.load()));
  }

  /** Starting and stopping shared by run, demo and the single services. */
  static final class Launch {
    private Launch() {}

    static int untilSignal(java.util.function.Supplier<Pipeline> start) {
      Pipeline pipeline;
      try {
        pipeline = start.get();
      } catch (NewsdeltaException e) {
        System.err.println("newsdelta: " + e.getMessage());
        return 2;
      }
      try {
        UntilSignal.await();
      } finally {
        pipeline.close();
      }
      return 0;
    }
  }
}
