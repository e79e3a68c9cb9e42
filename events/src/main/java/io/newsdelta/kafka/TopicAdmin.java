package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics newsdelta needs when they do not exist yet, corrects the retention of those that do, and
 * describes them as the cluster has them.
 *
 * <p>Retention is the one setting corrected on existing topics: an older install created the version and
 * change topics with the broker's default (7 days), which silently deletes history. Every other topic setting
 * an operator may have tuned is left as it is.
 */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
  /** The settings corrected on topics that exist already. */
  private static final List<String> ENFORCED = List.of("retention.ms");

  private TopicAdmin() {}

  /**
   * Ensures every topic exists, and that each existing one has the {@code retention.ms} of its spec.
   *
   * @throws NewsdeltaException when the cluster cannot be reached within 30 s or refuses the change
   */
  public static void ensure(String bootstrapServers, List<TopicSpec> specs) {
    ensure(bootstrapServers, specs, Replication.BROKER_DEFAULT);
  }

  /**
   * How new topics are replicated.
   *
   * @param factor replicas per partition, or -1 for the broker's {@code default.replication.factor}
   * @param minInsyncReplicas the topics' {@code min.insync.replicas}, or 0 for the broker's default
   */
  public record Replication(int factor, int minInsyncReplicas) {
    /** The broker's defaults: what every service uses when it creates a missing topic. */
    public static final Replication BROKER_DEFAULT = new Replication(-1, 0);

    public Replication {
      if (factor == 0 || factor < -1 || factor > Short.MAX_VALUE) {
        throw new IllegalArgumentException("replication factor " + factor + ": use -1 (broker default) or 1 and more");
      }
      if (minInsyncReplicas < 0 || factor > 0 && minInsyncReplicas > factor) {
        throw new IllegalArgumentException("min.insync.replicas " + minInsyncReplicas
            + " must be between 1 and the replication factor " + factor);
      }
    }
  }

  /**
   * Ensures every topic exists, creating missing ones with {@code replication}, and that each existing one has
   * the {@code retention.ms} of its spec. Existing topics keep their replication.
   *
   * @throws NewsdeltaException when the cluster cannot be reached within 30 s or refuses the change
   */
  public static void ensure(String bootstrapServers, List<TopicSpec> specs, Replication replication) {
    try (Admin admin = admin(bootstrapServers, Duration.ofSeconds(30))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          specs.stream()
              .filter(s -> !existing.contains(s.name()))
              .map(s -> new NewTopic(s.name(), s.partitions(), (short) replication.factor())
                  .configs(withMinInsync(s.configs(), replication)))
              .toList();
      if (!missing.isEmpty()) {
        create(admin, missing);
        LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
      correct(admin, specs.stream().filter(s -> existing.contains(s.name())).toList());
    } catch (ExecutionException e) {
      throw new NewsdeltaException("cannot create or configure topics on " + bootstrapServers + ": "
          + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new NewsdeltaException(
          "Kafka at " + bootstrapServers + " did not answer within 30 s; check kafka.bootstrap-servers and that the broker runs");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while creating topics", e);
    }
  }

  /**
   * The cluster's broker count and those of {@code names} that exist, with their effective settings.
   *
   * @throws NewsdeltaException when the cluster does not answer within {@code timeout}
   */
  public static ClusterState describe(String bootstrapServers, Collection<String> names, Duration timeout) {
    long seconds = Math.max(1, timeout.toSeconds());
    try (Admin admin = admin(bootstrapServers, timeout)) {
      int brokers = admin.describeCluster().nodes().get(seconds, TimeUnit.SECONDS).size();
      Set<String> existing = admin.listTopics().names().get(seconds, TimeUnit.SECONDS);
      List<String> present = names.stream().filter(existing::contains).toList();
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(present).allTopicNames().get(seconds, TimeUnit.SECONDS);
      Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
          .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(seconds, TimeUnit.SECONDS);
      Map<String, TopicState> topics = new HashMap<>();
      for (String name : present) {
        TopicDescription description = descriptions.get(name);
        Map<String, String> values = new HashMap<>();
        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries()
            .forEach(e -> values.put(e.name(), e.value() == null ? "" : e.value()));
        int replicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
        topics.put(name, new TopicState(name, description.partitions().size(), replicas, values));
      }
      return new ClusterState(brokers, topics);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw notAnswering(bootstrapServers, seconds);
      }
      throw new NewsdeltaException("cannot describe topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw notAnswering(bootstrapServers, seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while describing topics", e);
    }
  }

  private static NewsdeltaException notAnswering(String bootstrapServers, long seconds) {
    return new NewsdeltaException("Kafka at " + bootstrapServers + " did not answer within " + seconds
        + " s; check kafka.bootstrap-servers and that the broker runs");
  }

  /** An admin client {@code newsdelta-topics-admin-<n>} whose calls give up after {@code timeout}. */
  private static Admin admin(String bootstrapServers, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    return new KafkaClients(bootstrapServers, "topics").admin("admin", Map.of(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 30_000)));
  }

  private static Map<String, String> withMinInsync(Map<String, String> configs, Replication replication) {
    if (replication.minInsyncReplicas() == 0) {
      return configs;
    }
    Map<String, String> out = new HashMap<>(configs);
    out.put("min.insync.replicas", String.valueOf(replication.minInsyncReplicas()));
    return out;
  }

  private static void create(Admin admin, List<NewTopic> missing)
      throws ExecutionException, InterruptedException, TimeoutException {
    try {
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // Another instance starting at the same moment created it first: the outcome is the same.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** Sets the enforced settings that differ from the spec, with one incremental change per topic. */
  private static void correct(Admin admin, List<TopicSpec> existing)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<ConfigResource> resources =
        existing.stream().map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
    if (resources.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (TopicSpec spec : existing) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
      List<AlterConfigOp> ops = new ArrayList<>();
      for (String key : ENFORCED) {
        String wanted = spec.configs().get(key);
        ConfigEntry entry = current.get(resource) == null ? null : current.get(resource).get(key);
        String actual = entry == null ? null : entry.value();
        if (wanted != null && !wanted.equals(actual)) {
          ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
          LOG.info("Topic {}: {} was {}, set to {}", spec.name(), key, actual, wanted);
        }
      }
      if (!ops.isEmpty()) {
        changes.put(resource, ops);
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }
  }
}
