package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics newsdelta needs when they do not exist yet; existing topics are left as they are. */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * Ensures every topic exists.
   *
   * @throws NewsdeltaException when the cluster cannot be reached within 30 s
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
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new NewsdeltaException("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new NewsdeltaException(
          "Kafka at " + bootstrapServers + " did not answer within 30 s; check kafka.bootstrap-servers and that the broker runs");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while creating topics", e);
    }
  }
}
