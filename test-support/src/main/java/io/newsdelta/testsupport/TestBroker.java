package io.newsdelta.testsupport;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * A new, isolated Kafka broker for one test class or test.
 *
 * <p>Which kind is chosen: a Testcontainers {@code apache/kafka} container when a Docker engine is
 * reachable, an in-process {@link io.newsdelta.broker.EmbeddedKafka} over a fresh temporary
 * directory otherwise. Set the system property {@value #KIND_PROPERTY} to {@code in-process} or
 * {@code testcontainers} to force one ({@code auto} is the default). Both kinds are configured alike:
 * one node, internal topics with replication factor 1, no automatic topic creation, 17 MiB messages.
 *
 * <pre>{@code
 * try (TestBroker broker = TestBroker.start()) {
 *   runServiceAgainst(broker.bootstrapServers());
 * }
 * }</pre>
 */
public final class TestBroker implements AutoCloseable {

  /** System property choosing the broker kind: {@code auto}, {@code in-process} or {@code testcontainers}. */
  public static final String KIND_PROPERTY = "newsdelta.test.broker";

  private static final Logger LOG = LoggerFactory.getLogger(TestBroker.class);

  private final Backend backend;

  private TestBroker(Backend backend) {
    this.backend = backend;
  }

  /**
   * Starts a new broker; blocks until it accepts clients.
   *
   * @return the running broker; close it when the test is done
   */
  public static TestBroker start() {
    String kind = System.getProperty(KIND_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    Backend backend = switch (kind) {
      case "auto" -> DockerCheck.dockerAvailable() ? ContainerBroker.start() : InProcessBroker.start();
      case InProcessBroker.KIND -> InProcessBroker.start();
      case ContainerBroker.KIND -> ContainerBroker.start();
      default -> throw new IllegalArgumentException(KIND_PROPERTY + " is '" + kind + "': must be auto, "
          + InProcessBroker.KIND + " or " + ContainerBroker.KIND);
    };
    return new TestBroker(backend);
  }

  /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return backend.bootstrapServers();
  }

  /** {@code "testcontainers"} or {@code "in-process"}. */
  public String kind() {
    return backend.kind();
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    backend.close();
  }

  /** One way of running a broker. */
  interface Backend extends AutoCloseable {
    String bootstrapServers();

    String kind();

    @Override
    void close();
  }

  /** Asks Docker once per JVM: the answer does not change during a test run. */
  private static final class DockerCheck {
    private static final boolean AVAILABLE = check();

    private static boolean check() {
      boolean available = DockerClientFactory.instance().isDockerAvailable();
      LOG.info(available ? "Docker engine found: test brokers run in Testcontainers"
          : "No Docker engine: test brokers run in-process");
      return available;
    }

    static boolean dockerAvailable() {
      return AVAILABLE;
    }
  }
}
