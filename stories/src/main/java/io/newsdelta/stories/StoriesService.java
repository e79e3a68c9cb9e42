package io.newsdelta.stories;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.StoriesConfig;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.stream.PoisonVersionHandler;
import io.newsdelta.stories.stream.StoriesTopology;
import io.newsdelta.streams.BoundedRocksDbMemory;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stories job as a service: runs {@link StoriesTopology} with exactly-once processing. More instances with the
 * same application id share the partitions of {@code newsdelta.article-versions} and of the job's two repartition
 * topics.
 */
public final class StoriesService implements AutoCloseable {
  /** The Streams application id, also the consumer group and the prefix of the internal topics. */
  public static final String APPLICATION_ID = "newsdelta-stories";

  private static final Logger LOG = LoggerFactory.getLogger(StoriesService.class);

  private final KafkaStreams streams;

  public StoriesService(StoriesConfig config, String bootstrapServers) {
    this.streams = new KafkaStreams(
        StoriesTopology.build(MatchPolicy.withThreshold(config.threshold())),
        streamsProperties(config, bootstrapServers));
  }

  /** The Streams settings of the job (exactly once, records that are not versions logged and skipped, bounded RocksDB). */
  public static Properties streamsProperties(StoriesConfig config, String bootstrapServers) {
    // Bootstrap servers, application id and the client id newsdelta-stories-streams-<n> (its threads' ids derive from it).
    Properties p = new KafkaClients(bootstrapServers, "stories").streamsProperties(APPLICATION_ID, Map.of());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonVersionHandler.class.getName());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // Memory (issue 13): its stores share the process's one bounded RocksDB cache with the diff worker's.
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    return p;
  }

  /** Starts processing; returns at once. A fatal error stops this instance with one log line. */
  public void start() {
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stories job stopped by an unexpected error; restart it, state is kept in Kafka", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
  }

  /** The Streams client, for its metrics and readiness. */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Stops within 30 s, leaving the consumer group so the partitions move at once. */
  @Override
  public void close() {
    CloseOptions options =
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30));
    if (!streams.close(options)) {
      throw new NewsdeltaException("stories job did not stop within 30 s");
    }
  }
}
