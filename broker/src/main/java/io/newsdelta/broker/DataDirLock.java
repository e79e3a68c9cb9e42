package io.newsdelta.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data directory, held from before formatting until the broker has stopped.
 *
 * <p>Kafka locks its log directories too, but only once the controller is already running: a second
 * broker over the same directory would first take over the metadata log and wreck the running one
 * before failing. Taking this lock first turns that into a clean error.
 */
final class DataDirLock implements AutoCloseable {

  private static final String LOCK_FILE = ".newsdelta-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code dataDir} (creating it if needed) or fails if another broker holds it. */
  static DataDirLock acquire(Path dataDir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new BrokerException("Kafka data directory " + dataDir + " is in use by another broker: stop it,"
            + " or set kafka.embedded.data-dir to another directory");
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BrokerException("cannot lock Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Null when held elsewhere: by another process, or by another channel in this JVM. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing left to do: the lock goes away with the channel or the process.
      }
    }
  }
}
