package io.newsdelta.diffworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.DiffWorkerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The diff worker's RocksDB stores share one bounded cache instead of 50 MiB each plus their memtables. */
class BoundedRocksDbMemoryTest {
  @Test
  void shouldBoundEveryStoresMemtablesAndCacheIndexesInTheSharedCache() {
    try (Options options = new Options()) {
      options.setTableFormatConfig(new BlockBasedTableConfig());

      new BoundedRocksDbMemory().setConfig("versions", options, Map.of());

      assertThat(options.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
      assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
      BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
    }
  }

  @Test
  void shouldBeTheDiffWorkersConfigSetter() {
    assertThat(DiffWorkerService.streamsProperties(new DiffWorkerConfig(1, Path.of("state"), List.of()), "unused:9092")
        .get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class.getName());
  }
}
