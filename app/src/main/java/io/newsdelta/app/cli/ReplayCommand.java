package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.diffworker.stream.DiffTopology;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.GroupLag;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.kafka.TopicAdmin;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay --generation g2}: rebuilds every version and change from {@code newsdelta.raw-versions} with
 * this build's extractor into a fresh generation of the topics ({@code newsdelta.article-versions.g2},
 * {@code newsdelta.article-changes.g2}), leaving the originals untouched. It runs the diff worker's own
 * topology under the generation's application id until it has read the raw versions that existed when it
 * started, showing a progress bar and an ETA on standard error. The operator switches by setting
 * {@code diff-worker.topic-generation: g2}: the worker then continues with the replay's state and position.
 */
@Command(name = "replay", description = "Rebuild versions and changes from the raw versions into a new topic generation.")
public final class ReplayCommand implements Callable<Integer> {
  private static final int BAR = 30;

  @Mixin ConfigOption config;

  @Option(names = "--generation", required = true, paramLabel = "NAME",
      description = "suffix of the new topics, e.g. g2 (newsdelta.article-versions.g2)")
  String generation;

  @Option(names = "--bootstrap-servers", paramLabel = "H:P",
      description = "Kafka to use (default: kafka.bootstrap-servers of the config)")
  String bootstrapServers;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = TailCommand.DurationConverter.class,
      description = "give up after this long (default: no limit)")
  Duration timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return replay(err);
    } catch (NewsdeltaException e) {
      err.println("newsdelta replay: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private int replay(PrintWriter err) {
    NewsdeltaConfig loaded = config.load();
    String servers = bootstrapServers != null ? bootstrapServers : loaded.kafka().bootstrapServers();
    if (servers == null || servers.isBlank()) {
      throw new ConfigException(
          "replay needs a running cluster: set kafka.bootstrap-servers or pass --bootstrap-servers "
              + "(with the embedded broker of `run`, --bootstrap-servers 127.0.0.1:" + loaded.kafka().embedded().port() + ")");
    }
    DiffWorkerConfig target = loaded.diffWorker().withGeneration(generation);
    if (target.topicGeneration().equals(loaded.diffWorker().topicGeneration())) {
      throw new ConfigException("replay --generation " + generation + " is the generation in use "
          + "(diff-worker.topic-generation); choose a new one, such as g" + (System.currentTimeMillis() % 90 + 10));
    }
    try (Admin admin = new KafkaClients(servers, "replay").admin("admin",
        Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
      Map<TopicPartition, GroupLag.Range> range = range(admin);
      int partitions = range.size();
      TopicAdmin.ensure(servers, List.of(
          new Topics.TopicSpec(target.versionsTopic(), partitions, dataConfigs(partitions)),
          new Topics.TopicSpec(target.changesTopic(), partitions, dataConfigs(partitions))));
      long total = range.values().stream().mapToLong(r -> r.to() - r.from()).sum();
      err.println("Replaying " + total + " raw versions into " + target.versionsTopic() + " and "
          + target.changesTopic() + " (application " + target.applicationId() + ")");
      try (DiffWorkerService worker = new DiffWorkerService(target, servers,
          DiffTopology.Options.replay(DiffWorkerService.policy(target)))) {
        worker.start();
        return follow(admin, worker, target.applicationId(), range, total, err);
      }
    }
  }

  private int follow(Admin admin, DiffWorkerService worker, String group, Map<TopicPartition, GroupLag.Range> range,
      long total, PrintWriter err) {
    long start = System.nanoTime();
    long deadline = timeout == null ? Long.MAX_VALUE : start + timeout.toNanos();
    while (true) {
      if (worker.state() == KafkaStreams.State.ERROR || worker.state() == KafkaStreams.State.NOT_RUNNING) {
        err.println();
        err.println("newsdelta replay: the worker stopped (" + worker.state() + "); see the log above, then run replay again");
        return 1;
      }
      long done = done(admin, group, range);
      progress(err, done, total, System.nanoTime() - start);
      if (done >= total) {
        err.println();
        err.println("Replay done. To switch: stop the diff worker, set diff-worker.topic-generation: " + generation
            + " (NEWSDELTA_DIFF_WORKER_TOPIC_GENERATION=" + generation + ") and start it again.");
        err.flush();
        return 0;
      }
      if (System.nanoTime() > deadline) {
        err.println();
        err.println("newsdelta replay: not done within " + timeout + "; run it again to continue where it stopped");
        return 1;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  /** Earliest and end offsets of each raw-versions partition when the replay starts. */
  private static Map<TopicPartition, GroupLag.Range> range(Admin admin) {
    try {
      List<TopicPartition> tps = admin.describeTopics(List.of(Topics.RAW_VERSIONS)).allTopicNames()
          .get(30, TimeUnit.SECONDS).get(Topics.RAW_VERSIONS).partitions().stream()
          .map(p -> new TopicPartition(Topics.RAW_VERSIONS, p.partition())).toList();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      tps.forEach(tp -> { earliest.put(tp, OffsetSpec.earliest()); latest.put(tp, OffsetSpec.latest()); });
      var first = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
      var end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, GroupLag.Range> out = new HashMap<>();
      tps.forEach(tp -> out.put(tp, new GroupLag.Range(first.get(tp).offset(), end.get(tp).offset())));
      return out;
    } catch (ExecutionException | TimeoutException e) {
      throw new NewsdeltaException("cannot read " + Topics.RAW_VERSIONS + ": " + e.getMessage()
          + "; check --bootstrap-servers and that ingest created the topic");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted");
    }
  }

  /**
   * Raw versions of the starting range the replay has committed, from its consumer group's offsets
   * ({@link GroupLag}); 0 while the broker does not answer.
   */
  private static long done(Admin admin, String group, Map<TopicPartition, GroupLag.Range> range) {
    try {
      return GroupLag.read(admin, group, range, Duration.ofSeconds(30)).done();
    } catch (NewsdeltaException e) {
      return 0;
    }
  }

  /** One line, rewritten in place: {@code [######........] 42% 4200/10000 raw versions, 310/s, ETA 19s}. */
  static String progressLine(long done, long total, long elapsedNanos) {
    double share = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(share * BAR);
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = done >= total ? "0s" : rate > 0 ? io.newsdelta.config.Durations.format(
        Duration.ofSeconds((long) Math.ceil((total - done) / rate))) : "?";
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + Math.round(share * 100) + "% " + done + "/"
        + total + " raw versions, " + Math.round(rate) + "/s, ETA " + eta;
  }

  private static void progress(PrintWriter err, long done, long total, long elapsedNanos) {
    err.print("\r" + progressLine(done, total, elapsedNanos));
    err.flush();
  }

  private static Map<String, String> dataConfigs(int partitions) {
    return Topics.all(partitions).stream().filter(s -> s.name().equals(Topics.ARTICLE_VERSIONS)).findFirst()
        .orElseThrow().configs();
  }
}
