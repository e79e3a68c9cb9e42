package io.newsdelta.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the diff worker's RocksDB memory, which lives outside the Java heap. Left alone, every store
 * instance (one per store per partition) gets its own 50 MiB block cache and three 16 MiB memtables, so the
 * process grows with the partition count however small -Xmx is. Here all stores of the process share one
 * block cache of {@link #BLOCK_CACHE_BYTES} that also holds the index and filter blocks, and their memtables
 * are charged to that same cache through a write-buffer manager capped at {@link #WRITE_BUFFER_BYTES}.
 *
 * <p>Streams creates this class by name for every store, so the cache it shares must be one per class
 * loader: a final static, created once and never closed by a store (closing it would break the others).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Block cache shared by every store of the process (index and filter blocks included). */
  public static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
  /** The memtables of all stores together, counted inside the block cache. */
  public static final long WRITE_BUFFER_BYTES = 16L * 1024 * 1024;
  private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

  static {
    org.rocksdb.RocksDB.loadLibrary();
  }

  private static final Cache CACHE = new LRUCache(BLOCK_CACHE_BYTES, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store: they live as long as the process.
  }
}
