package io.newsdelta.ingest.fetch;

import java.util.OptionalInt;

/**
 * Sizes the JVM's common fork-join pool before anything uses it, so that the JDK's HTTP client does not start a
 * thread per request on small machines.
 *
 * <p>{@code HttpClient.sendAsync} (ingest's fetcher) finishes every exchange with a stage on
 * {@code CompletableFuture}'s default executor. With 2 cores or fewer the common pool's parallelism is 1, and
 * {@code CompletableFuture} then falls back to starting a new thread per task: one thread per page fetched (a
 * load run of 1,000 articles on 2 cores started 21,071 such threads in 12 minutes). With a parallelism of at least
 * 2 it uses the common pool instead. An operator's own {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism}
 * is kept.
 *
 * <p>The pool is the JVM's, sized once when first used, so this is for a process's entry point to call first
 * ({@code newsdelta.jar}'s launcher, the bench's load runs), not for {@link HttpFetcher} to set in passing.
 */
public final class CommonPoolSizing {
  public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
  /** The least parallelism at which {@code CompletableFuture} uses the common pool instead of a thread per task. */
  public static final int LEAST = 2;

  private CommonPoolSizing() {}

  /** Sets the property when it is unset and the JVM's own choice ({@code cores - 1}) would be below {@link #LEAST}. */
  public static void apply() {
    wanted(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors())
        .ifPresent(n -> System.setProperty(PROPERTY, Integer.toString(n)));
  }

  /** The parallelism to set, or empty when {@code current} is set or {@code cores} already give enough. */
  static OptionalInt wanted(String current, int cores) {
    if (current != null && !current.isBlank()) {
      return OptionalInt.empty();
    }
    return cores - 1 >= LEAST ? OptionalInt.empty() : OptionalInt.of(LEAST);
  }
}
