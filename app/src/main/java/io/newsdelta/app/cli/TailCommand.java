package io.newsdelta.app.cli;

import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.Durations;
import io.newsdelta.events.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tail raw|versions|changes}: prints events as JSON, one per line, on standard output only. Reads every
 * partition without joining a consumer group, so it never moves a service's position.
 */
@Command(name = "tail", description = "Print events of a topic as JSON lines.")
public final class TailCommand implements Callable<Integer> {
  /** The topics tail knows by short name. */
  enum Stream {
    raw(Topics.RAW_VERSIONS), versions(Topics.ARTICLE_VERSIONS), changes(Topics.ARTICLE_CHANGES),
    errors(Topics.INGEST_ERRORS), dlq(Topics.NOTIFICATIONS_DLQ), stories(Topics.STORIES);

    final String topic;

    Stream(String topic) {
      this.topic = topic;
    }
  }

  @Parameters(index = "0", paramLabel = "raw|versions|changes", description = "raw, versions, changes, errors, dlq or stories")
  Stream stream;

  @Option(names = "--bootstrap-servers", paramLabel = "H:P",
      description = "Kafka to read (default: from newsdelta.yml, else 127.0.0.1:9092)")
  String bootstrapServers;

  @Option(names = "--from-beginning", description = "start at the oldest event instead of the newest")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "exit after N events")
  Integer max;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "exit after this total wait, e.g. 30s, 5m")
  Duration timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String servers = bootstrapServers != null ? bootstrapServers : defaultServers();
    if (!reachable(servers)) {
      spec.commandLine().getErr().println(
          "newsdelta tail: cannot reach Kafka at " + servers + "; start newsdelta run or pass --bootstrap-servers");
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    int printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(servers)) {
      List<TopicPartition> partitions = awaitPartitions(consumer, deadline);
      if (partitions.isEmpty()) {
        spec.commandLine().getErr().println("newsdelta tail: topic " + stream.topic
            + " does not exist yet on " + servers + " (it is created when newsdelta run or a service starts)");
        return 0;
      }
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      while ((max == null || printed < max) && System.nanoTime() < deadline) {
        long waitMs = Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000));
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(waitMs))) {
          if (record.value() == null) {
            continue;
          }
          out.println(new String(record.value(), StandardCharsets.UTF_8));
          out.flush();
          if (max != null && ++printed >= max) {
            break;
          }
        }
      }
    }
    return 0;
  }

  /**
   * The topic's partitions, waiting for the topic to be created until the deadline: tail may be started
   * before the services that create it. Empty when the deadline passes first.
   */
  private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> consumer, long deadline) {
    boolean announced = false;
    while (true) {
      List<TopicPartition> partitions =
          consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(stream.topic, List.of()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (!partitions.isEmpty() || System.nanoTime() >= deadline) {
        return partitions;
      }
      if (!announced) {
        spec.commandLine().getErr().println("newsdelta tail: waiting for topic " + stream.topic + " to be created");
        announced = true;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  private static String defaultServers() {
    Path file = Path.of("newsdelta.yml");
    if (Files.isRegularFile(file)) {
      return ConfigLoader.load(file).kafka().effectiveBootstrapServers();
    }
    return "127.0.0.1:9092";
  }

  private static boolean reachable(String servers) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000))) {
      admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String servers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-tail"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Parses --timeout with the configuration's duration syntax. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
