package io.newsdelta.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmMemoryTest {
  @Test
  void shouldStateTheHeapTheCollectorsAndTheProcessors() {
    JvmMemory jvm = new JvmMemory(384L << 20, true, List.of("Copy", "MarkSweepCompact"), 2);

    assertThat(jvm.summary()).isEqualTo("heap up to 384 MiB (set), Copy + MarkSweepCompact, 2 processors");
    assertThat(jvm.advice()).isEmpty();
  }

  @Test
  void shouldAdviseAHeapSizeWhenTheJvmDefaultedIt() {
    JvmMemory jvm = new JvmMemory(6026L << 20, false, List.of("G1 Young Generation", "G1 Old Generation"), 2);

    assertThat(jvm.summary()).contains("heap up to 6,026 MiB (the JVM's default)");
    assertThat(jvm.advice()).hasValueSatisfying(advice -> assertThat(advice)
        .contains("may grow to 6,026 MiB").contains(JvmMemory.RUN_OPTIONS).contains("MaxRAMPercentage"));
  }

  @Test
  void shouldSeeTheHeapOfThisJvmAsChosenOnlyWhenItsCommandLineChoseOne() {
    List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    boolean given = args.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
        || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAMFraction"));

    JvmMemory jvm = JvmMemory.current();

    assertThat(jvm.heapChosen()).isEqualTo(given);
    assertThat(jvm.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(jvm.collectors()).isNotEmpty();
  }

  @Test
  void shouldGiveTheOptionsOfTheReadmesRunCommand() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains("MALLOC_ARENA_MAX=2 java " + JvmMemory.RUN_OPTIONS + " -jar app/target/newsdelta.jar run");
  }
}
