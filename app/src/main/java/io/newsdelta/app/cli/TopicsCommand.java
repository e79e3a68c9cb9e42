package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.KafkaSettings;
import io.newsdelta.events.Topics;
import io.newsdelta.events.Topics.TopicSpec;
import io.newsdelta.kafka.ClusterState;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.kafka.TopicAdvice;
import io.newsdelta.kafka.TopicFinding;
import io.newsdelta.kafka.TopicState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topics create} and {@code topics describe}: newsdelta's topics on the cluster. */
@Command(name = "topics", description = "Create newsdelta's topics, or show them against the recommended settings.",
    subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
public final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The topics of this configuration: partitions and raw retention from {@code kafka.*}. */
  static List<TopicSpec> specs(ClusterSource source) {
    KafkaSettings kafka = source.configOrDefaults().kafka();
    return Topics.all(kafka.partitions(), kafka.rawRetention());
  }

  /** Creates the missing topics (production: {@code --replication-factor 3 --min-insync-replicas 2}). */
  @Command(name = "create", description = {
      "Create the topics that do not exist yet and correct the retention of those that do.",
      "Services do this themselves with the broker's defaults; on a production cluster run it first with",
      "--replication-factor 3 --min-insync-replicas 2."})
  static final class Create implements Callable<Integer> {
    @Mixin ClusterSource source;

    @Option(names = "--replication-factor", paramLabel = "N",
        description = "replicas of each new topic (default: the broker's default.replication.factor)")
    int replicationFactor = -1;

    @Option(names = "--min-insync-replicas", paramLabel = "N",
        description = "min.insync.replicas of each new topic (default: the broker's)")
    int minInsyncReplicas = 0;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        TopicAdmin.Replication replication = new TopicAdmin.Replication(replicationFactor, minInsyncReplicas);
        List<TopicSpec> specs = specs(source);
        String servers = source.bootstrapServers();
        TopicAdmin.ensure(servers, specs, replication);
        ClusterState cluster = TopicAdmin.describe(servers, specs.stream().map(TopicSpec::name).toList(),
            Duration.ofSeconds(30));
        print(spec.commandLine().getOut(), specs, cluster);
        return 0;
      } catch (IllegalArgumentException | NewsdeltaException e) {
        err.println("newsdelta topics create: " + e.getMessage());
        return 1;
      }
    }
  }

  /** Prints each topic's settings and what differs from the recommended ones; exit 1 when one is missing. */
  @Command(name = "describe", description = {
      "Show each topic's partitions, replication, retention and compaction, and what differs from what",
      "newsdelta needs (fail) or a production cluster should have (warn). Exits 1 when a finding is a fail."})
  static final class Describe implements Callable<Integer> {
    @Mixin ClusterSource source;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
        converter = TailCommand.DurationConverter.class, description = "how long to wait for the cluster (default: 30s)")
    Duration timeout;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        List<TopicSpec> specs = specs(source);
        ClusterState cluster = TopicAdmin.describe(source.bootstrapServers(),
            specs.stream().map(TopicSpec::name).toList(), timeout);
        List<TopicFinding> findings = print(spec.commandLine().getOut(), specs, cluster);
        return findings.stream().anyMatch(f -> f.severity() == TopicFinding.Severity.FAIL) ? 1 : 0;
      } catch (NewsdeltaException e) {
        spec.commandLine().getErr().println("newsdelta topics describe: " + e.getMessage());
        return 1;
      }
    }
  }

  /** One line per topic, then the findings; returns the findings. */
  static List<TopicFinding> print(PrintWriter out, List<TopicSpec> specs, ClusterState cluster) {
    out.printf("%-28s %10s %8s %8s %14s %10s%n", "topic", "partitions", "replicas", "min.isr", "retention.ms",
        "cleanup");
    for (TopicSpec topic : specs) {
      cluster.topic(topic.name()).ifPresentOrElse(
          (TopicState t) -> out.printf("%-28s %10d %8d %8s %14s %10s%n", t.name(), t.partitions(),
              t.replicationFactor(), t.config("min.insync.replicas"), t.config("retention.ms"),
              t.config("cleanup.policy")),
          () -> out.printf("%-28s %10s%n", topic.name(), "missing"));
    }
    List<TopicFinding> findings = TopicAdvice.check(specs, cluster);
    out.println(cluster.brokers() + " broker(s); " + (findings.isEmpty()
        ? "every topic as recommended" : findings.size() + " finding(s):"));
    findings.forEach(f -> out.println("  " + f));
    out.flush();
    return findings;
  }
}
