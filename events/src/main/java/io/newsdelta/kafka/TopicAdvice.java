package io.newsdelta.kafka;

import io.newsdelta.events.Topics.TopicSpec;
import io.newsdelta.kafka.TopicFinding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the cluster's topics with newsdelta's specs and with the settings a production cluster should have:
 * replication factor 3 and {@code min.insync.replicas} 2, so that one broker can fail without losing a record
 * or stopping writes.
 */
public final class TopicAdvice {
  /** Replicas each topic should have in production. */
  public static final int RECOMMENDED_REPLICATION_FACTOR = 3;

  /** In-sync replicas a write should need in production. */
  public static final int RECOMMENDED_MIN_INSYNC_REPLICAS = 2;

  private TopicAdvice() {}

  /** Every finding for {@code specs}, in spec order; empty when the cluster is set up as recommended. */
  public static List<TopicFinding> check(List<TopicSpec> specs, ClusterState cluster) {
    List<TopicFinding> findings = new ArrayList<>();
    for (TopicSpec spec : specs) {
      cluster.topic(spec.name()).ifPresentOrElse(
          state -> findings.addAll(check(spec, state, cluster.brokers())),
          () -> findings.add(new TopicFinding(spec.name(), Severity.FAIL,
              "missing; run `newsdelta topics create` (or start a service, which creates it)")));
    }
    return findings;
  }

  private static List<TopicFinding> check(TopicSpec spec, TopicState state, int brokers) {
    List<TopicFinding> findings = new ArrayList<>();
    String name = spec.name();
    String retention = spec.configs().get("retention.ms");
    if (retention != null && !retention.equals(state.config("retention.ms"))) {
      boolean expires = "-1".equals(retention);
      findings.add(new TopicFinding(name, expires ? Severity.FAIL : Severity.WARN,
          "retention.ms is " + state.config("retention.ms") + ", newsdelta needs " + retention
              + (expires ? " (kept for ever: it is the record)" : "")
              + "; run `newsdelta topics create`, which corrects it"));
    }
    String cleanup = spec.configs().get("cleanup.policy");
    if (cleanup != null && !cleanup.equals(state.config("cleanup.policy"))) {
      findings.add(new TopicFinding(name, Severity.FAIL, "cleanup.policy is " + state.config("cleanup.policy")
          + ", newsdelta needs " + cleanup + " (the latest value per key is the state); set it with "
          + "kafka-configs --alter --add-config cleanup.policy=" + cleanup));
    }
    String maxBytes = spec.configs().get("max.message.bytes");
    if (maxBytes != null && smaller(state.config("max.message.bytes"), maxBytes)) {
      findings.add(new TopicFinding(name, Severity.FAIL, "max.message.bytes is " + state.config("max.message.bytes")
          + ", below the " + maxBytes + " newsdelta writes (large pages would be refused); set it with "
          + "kafka-configs --alter --add-config max.message.bytes=" + maxBytes));
    }
    if (state.partitions() < spec.partitions()) {
      findings.add(new TopicFinding(name, Severity.WARN, state.partitions() + " partitions, kafka.partitions asks for "
          + spec.partitions() + ": at most " + state.partitions() + " instances of a service share the work"));
    }
    if (state.replicationFactor() < RECOMMENDED_REPLICATION_FACTOR) {
      findings.add(new TopicFinding(name, Severity.WARN, "replication factor " + state.replicationFactor()
          + (brokers < RECOMMENDED_REPLICATION_FACTOR
              ? " on a " + brokers + "-broker cluster (fine for one machine; a production cluster has 3 brokers"
                  + " and topics created with `newsdelta topics create --replication-factor 3 --min-insync-replicas 2`)"
              : ", production needs " + RECOMMENDED_REPLICATION_FACTOR + " (a broker lost loses records);"
                  + " reassign it with kafka-reassign-partitions")));
    } else if (smaller(state.config("min.insync.replicas"), String.valueOf(RECOMMENDED_MIN_INSYNC_REPLICAS))) {
      findings.add(new TopicFinding(name, Severity.WARN, "min.insync.replicas is " + state.config("min.insync.replicas")
          + " with " + state.replicationFactor() + " replicas: an acknowledged write can be lost with one broker;"
          + " set it to " + RECOMMENDED_MIN_INSYNC_REPLICAS));
    }
    return findings;
  }

  private static boolean smaller(String actual, String wanted) {
    try {
      return actual == null || Long.parseLong(actual) < Long.parseLong(wanted);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
