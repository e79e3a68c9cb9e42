package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics.TopicSpec;
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
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics newsdelta needs when they do not exist yet, and corrects the retention of those that do.
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
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          specs.stream()
              .filter(s -> !existing.contains(s.name()))
              .map(s -> new NewTopic(s.name(), s.partitions(), (short) -1).configs(s.configs()))
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
