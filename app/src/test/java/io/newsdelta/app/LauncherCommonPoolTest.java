package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher sizes the JVM's common pool before anything uses it (ingest's CommonPoolSizing). */
class LauncherCommonPoolTest {
  @Test
  void shouldGiveTheLaunchersJvmACommonPoolThatCompletableFutureUses() throws Exception {
    // A fresh JVM, limited to 2 processors as on the machines this was found on: there the pool would have
    // parallelism 1 and CompletableFuture's default executor would start a thread per task.
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"), Probe.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("parallelism 2, common pool used: true");
  }

  /** Loads the launcher as {@code java -jar newsdelta.jar} does, then reports the pool. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Class.forName(Main.class.getName());
      System.out.println("parallelism " + ForkJoinPool.getCommonPoolParallelism() + ", common pool used: "
          + (new CompletableFuture<Void>().defaultExecutor() == ForkJoinPool.commonPool()));
    }
  }
}
