package io.newsdelta.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment bytes per topic from a broker's log dir, and their growth between two readings. */
class LogBytesTest {
  @TempDir Path dir;

  @Test
  void shouldSumTheSegmentsOfEveryPartitionUnderItsTopic() throws Exception {
    write("newsdelta.raw-versions-0/00000000000000000000.log", 100);
    write("newsdelta.raw-versions-1/00000000000000000000.log", 50);
    write("newsdelta.raw-versions-1/00000000000000000000.index", 999);
    write("newsdelta-stories-story-bands-changelog-4/00000000000000000000.log", 7);
    write("__cluster_metadata-0/00000000000000000000.log", 3);
    write("meta.properties-x/00000000000000000000.log", 1000); // not a partition directory

    assertThat(LogBytes.byTopic(dir)).containsExactly(
        Map.entry("__cluster_metadata", 3L),
        Map.entry("newsdelta-stories-story-bands-changelog", 7L),
        Map.entry("newsdelta.raw-versions", 150L));
  }

  @Test
  void shouldListTheTopicsThatGrewLargestFirst() {
    Map<String, Long> before = Map.of("a", 10L, "b", 10L, "c", 10L);
    Map<String, Long> after = Map.of("a", 15L, "b", 10L, "c", 40L, "d", 1L);

    assertThat(LogBytes.growth(before, after))
        .containsExactly(Map.entry("c", 30L), Map.entry("a", 5L), Map.entry("d", 1L));
  }

  @Test
  void shouldReadNothingWithoutALogDir() {
    assertThat(LogBytes.byTopic(null)).isEmpty();
    assertThat(LogBytes.byTopic(dir.resolve("missing"))).isEmpty();
  }

  private void write(String path, int bytes) throws Exception {
    Path f = dir.resolve(path);
    Files.createDirectories(f.getParent());
    Files.write(f, new byte[bytes]);
  }
}
