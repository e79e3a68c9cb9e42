package io.newsdelta.health;

import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers: a {@code describeCluster} within a short timeout. The answer is kept for
 * a few seconds, so a probe every second costs the broker one request per interval, not one per probe. Its admin
 * client is {@code newsdelta-health-broker-<n>} ({@link KafkaClients}).
 */
public final class BrokerCheck implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final String bootstrapServers;
  private final Admin admin;
  private Optional<String> last = Optional.empty();
  private long lastAt;
  private boolean checked;

  public BrokerCheck(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = new KafkaClients(bootstrapServers, "health").admin("broker", Map.of(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
  }

  /** Why the broker is not reachable, or empty when it answered. */
  public synchronized Optional<String> notReady() {
    long now = System.nanoTime();
    if (checked && now - lastAt < KEEP_NANOS) {
      return last;
    }
    last = ask();
    lastAt = System.nanoTime();
    checked = true;
    return last;
  }

  private Optional<String> ask() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking the broker");
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      return Optional.of("the Kafka broker at " + bootstrapServers + " does not answer within "
          + TIMEOUT.toSeconds() + " s (" + cause.getClass().getSimpleName() + "); check kafka.bootstrap-servers");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
