package io.newsdelta.app.cli;

import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.Durations;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * partition without joining a consumer group, so it never moves a service's position; clients
 * {@code newsdelta-tail-probe-<n>} (is Kafka there?) and {@code newsdelta-tail-read-<n>}, run by a
 * {@link ConsumerRunner} on the command's thread.
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
    KafkaClients clients = new KafkaClients(servers, "tail");
    if (!reachable(clients)) {
      spec.commandLine().getErr().println(
          "newsdelta tail: cannot reach Kafka at " + servers + "; start newsdelta run or pass --bootstrap-servers");
      return 1;
    }
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    Reading reading = new Reading(deadline);
    reading.runner = ConsumerRunner.of("tail", "topic " + stream.topic,
            clients.consumer("read", Map.of(), new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        .setup(reading::assign)
        .handler(reading::print)
        .afterPoll(c -> reading.stopAtDeadline())
        .poll(Duration.ofMillis(200))
        .retry(Duration.ofMillis(500))
        .build();
    // On this thread: the command returns when the runner stopped (after --max events or --timeout).
    reading.runner.run();
    if (!reading.assigned) {
      spec.commandLine().getErr().println("newsdelta tail: topic " + stream.topic
          + " does not exist yet on " + servers + " (it is created when newsdelta run or a service starts)");
    }
    return 0;
  }

  /**
   * One tail's reading: every partition of the topic with no group, from its start or its end; stops after
   * {@code --max} events or at the deadline. Runs on the command's thread (the runner's setup, handler and step).
   */
  private final class Reading {
    private final long deadline;
    private final PrintWriter out = spec.commandLine().getOut();
    private ConsumerRunner<byte[], byte[]> runner;
    private boolean assigned;
    private boolean announced;
    private int printed;

    Reading(long deadline) {
      this.deadline = deadline;
    }

    /**
     * Assigns the topic's partitions; false while the topic does not exist (tail may be started before the
     * services that create it: said once), and a stop when the deadline passes first.
     */
    boolean assign(Consumer<byte[], byte[]> consumer) {
      // Checked first: a broker lost meanwhile makes listTopics fail, and the runner retries this setup.
      if (System.nanoTime() >= deadline) {
        runner.stop();
        return false;
      }
      List<TopicPartition> partitions =
          consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(stream.topic, List.of()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        if (!announced) {
          spec.commandLine().getErr().println("newsdelta tail: waiting for topic " + stream.topic + " to be created");
          announced = true;
        }
        return false;
      }
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      assigned = true;
      return true;
    }

    void print(ConsumerRecord<byte[], byte[]> record) {
      if (record.value() == null || max != null && printed >= max) {
        return;
      }
      out.println(new String(record.value(), StandardCharsets.UTF_8));
      out.flush();
      if (max != null && ++printed >= max) {
        runner.stop();
      }
    }

    void stopAtDeadline() {
      if (System.nanoTime() >= deadline) {
        runner.stop();
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

  private static boolean reachable(KafkaClients clients) {
    try (Admin admin = clients.admin("probe", Map.of(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000))) {
      admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Parses --timeout with the configuration's duration syntax. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
