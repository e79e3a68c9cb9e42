package io.newsdelta.broker;

import java.util.function.Supplier;
import org.apache.kafka.common.utils.Exit;

/**
 * Stops Kafka from ending the JVM when the embedded broker fails to start.
 *
 * <p>Kafka's server code handles a fatal fault by calling {@link Exit#halt(int)} or
 * {@link Exit#exit(int)} — right for a broker process of its own, wrong in-process: a controller
 * port that is taken would end the whole application (or the test run) without a word. While
 * {@link #run} is active on a thread, halt and exit calls made <em>on that thread</em> throw
 * {@link KafkaExitRequest} instead, so the caller can stop the half-started broker and report the
 * error. Every other call keeps Kafka's default behaviour, so a fatal fault in a running broker
 * still stops the process as it would in a standalone Kafka.
 *
 * <p>Kafka's exit procedures are JVM-wide; this class installs its own once and never removes them.
 */
final class StartupExitGuard {

  private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> Boolean.FALSE);

  static {
    Exit.setExitProcedure((code, message) -> {
      refuseWhileStarting("exit", code, message);
      System.exit(code);
    });
    Exit.setHaltProcedure((code, message) -> {
      refuseWhileStarting("halt", code, message);
      Runtime.getRuntime().halt(code);
    });
  }

  private StartupExitGuard() {
  }

  /** Runs {@code startup}, turning Kafka's halt and exit calls on this thread into exceptions. */
  static <T> T run(Supplier<T> startup) {
    STARTING.set(Boolean.TRUE);
    try {
      return startup.get();
    } finally {
      STARTING.remove();
    }
  }

  private static void refuseWhileStarting(String what, int code, String message) {
    if (STARTING.get()) {
      throw new KafkaExitRequest("Kafka asked to " + what + " the JVM with status " + code
          + (message == null ? "" : " (" + message + ")") + "; its log above says why");
    }
  }

  /** Kafka wanted to end the JVM during startup; thrown instead. */
  static final class KafkaExitRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KafkaExitRequest(String message) {
      super(message);
    }
  }
}
