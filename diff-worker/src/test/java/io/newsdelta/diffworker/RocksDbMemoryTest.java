package io.newsdelta.diffworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.streams.BoundedRocksDbMemory;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The diff worker's stores live in the process's one bounded RocksDB memory (docs/operations.md, "Memory"). */
class RocksDbMemoryTest {
  @Test
  void shouldBoundTheWorkersRocksDbMemory() {
    assertThat(DiffWorkerService.streamsProperties(new DiffWorkerConfig(1, Path.of("state"), List.of()), "unused:9092")
        .get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class.getName());
  }
}
