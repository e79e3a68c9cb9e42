package io.newsdelta.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** Every RocksDB store of the process shares one bounded cache instead of 50 MiB each plus their memtables. */
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
}
