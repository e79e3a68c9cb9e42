package io.newsdelta.diffworker;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.ExtractorVersion;
import io.newsdelta.diffworker.version.VersionPolicy;
import io.newsdelta.diffworker.stream.DiffTopology;
import io.newsdelta.diffworker.stream.PoisonRecordHandler;
import io.newsdelta.events.Topics;
import io.newsdelta.streams.BoundedRocksDbMemory;
import io.newsdelta.kafka.KafkaClients;
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
 * The diff worker: runs {@link DiffTopology} with exactly-once processing. More instances with the same
 * application id share the partitions of {@code newsdelta.raw-versions}.
 */
public final class DiffWorkerService implements AutoCloseable {
  /** The Streams application id of the original topic generation, also the consumer group. */
  public static final String APPLICATION_ID = DiffWorkerConfig.APPLICATION_ID;

  private static final Logger LOG = LoggerFactory.getLogger(DiffWorkerService.class);

  private final KafkaStreams streams;

  public DiffWorkerService(DiffWorkerConfig config, String bootstrapServers) {
    this(config, bootstrapServers, DiffTopology.Options.live(policy(config)));
  }

  /**
   * A worker with the given topology options (a replay's), writing to the topics and with the application id
   * of {@code config}'s topic generation.
   */
  public DiffWorkerService(DiffWorkerConfig config, String bootstrapServers, DiffTopology.Options options) {
    this(config, bootstrapServers, options, new Properties());
  }

  /** The live worker with Streams settings overridden (for load runs comparing settings). */
  public DiffWorkerService(DiffWorkerConfig config, String bootstrapServers, Properties overrides) {
    this(config, bootstrapServers, DiffTopology.Options.live(policy(config)), overrides);
  }

  private DiffWorkerService(
      DiffWorkerConfig config, String bootstrapServers, DiffTopology.Options options, Properties overrides) {
    Properties props = streamsProperties(config, bootstrapServers);
    props.putAll(overrides);
    this.streams =
        new KafkaStreams(
            DiffTopology.build(
                ArticleExtractor.withRules(config.siteRules()),
                options.withTopics(config.versionsTopic(), config.changesTopic())),
            props);
  }

  /** The versioning rules of this build with the configured settings. */
  public static VersionPolicy policy(DiffWorkerConfig config) {
    return new VersionPolicy(ExtractorVersion.CURRENT, config.appendOnlyPeriod());
  }

  /** The Streams settings of the diff worker (exactly once, poison records logged and skipped). */
  public static Properties streamsProperties(DiffWorkerConfig config, String bootstrapServers) {
    Properties p = new KafkaClients(bootstrapServers, "diff-worker").streamsProperties(config.applicationId(), Map.of());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // diff-worker.commit-interval: 100 ms (Streams' own under exactly once) keeps alerts prompt, since versions and
    // changes are readable only once committed; each commit is a round of AddPartitionsToTxn, offsets, EndTxn and
    // markers on every partition written, so 1 s spends about a third less broker CPU per raw version
    // (docs/benchmarks.md, "Diff worker") at up to a second more per alert.
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) config.commitInterval().toMillis());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonRecordHandler.class.getName());
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // Memory (issue 13): RocksDB off the heap bounded to one shared cache (docs/operations.md, "Memory").
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    return p;
  }

  /** Starts processing; returns at once. A fatal error stops this instance with one log line. */
  public void start() {
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Diff worker stopped by an unexpected error; restart it, state is kept in Kafka", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
  }

  /** The Streams client, for callers that watch its progress (replay). */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Stops within 30 s: in-flight records are committed or handed back, state flushed. The instance leaves the
   * consumer group, so its partitions move to the other instances (or to this one restarted) at once instead
   * of after the session timeout.
   */
  @Override
  public void close() {
    CloseOptions options =
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30));
    if (!streams.close(options)) {
      throw new NewsdeltaException("diff worker did not stop within 30 s");
    }
  }
}
