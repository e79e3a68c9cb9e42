package io.newsdelta.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.StoriesConfig;
import io.newsdelta.streams.BoundedRocksDbMemory;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The stories job's Streams settings, built by {@code KafkaClients}. */
class StoriesServiceTest {
  @Test
  void shouldNameTheStreamsClientAfterTheServiceAndKeepTheJobsSettings() {
    Properties p = StoriesService.streamsProperties(
        new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, Path.of("state")), "broker-1:9092");

    // Its threads' clients are named after it: newsdelta-stories-streams-1-StreamThread-1-consumer, ...
    assertThat(p.getProperty(StreamsConfig.CLIENT_ID_CONFIG)).matches("newsdelta-stories-streams-\\d+");
    assertThat(p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(StoriesService.APPLICATION_ID);
    assertThat(p.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker-1:9092");
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo(Path.of("state").toAbsolutePath().toString());
  }

  @Test
  void shouldKeepItsStoresInTheProcesssOneBoundedRocksDbMemory() {
    // Left to Streams' defaults, its four stores on six partitions each had a 50 MiB cache and 16 MiB memtables.
    Properties p = StoriesService.streamsProperties(
        new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, Path.of("state")), "broker-1:9092");

    assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class.getName());
  }
}
