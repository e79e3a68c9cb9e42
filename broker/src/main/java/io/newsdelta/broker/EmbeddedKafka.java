package io.newsdelta.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in this JVM.
 *
 * <p>The data directory is formatted on the first start only; later starts over the same directory
 * keep the cluster id, the topics, the records and the committed offsets. Only one broker at a time
 * can use a data directory (it is locked until {@link #close()}). Both listeners bind to 127.0.0.1
 * only. The broker's threads are not daemons: always {@link #close()} it, in a
 * {@code finally} or try-with-resources, or the JVM will not exit.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(Path.of("data/kafka"), 9092, 0)) {
 *   run(kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  /** Attempts when we picked a port ourselves and someone else bound it before Kafka did. */
  private static final int BIND_ATTEMPTS = 3;

  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private final Path dataDir;
  private final int port;
  private final String clusterId;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, DataDirLock lock, Path dataDir, int port, String clusterId) {
    this.server = server;
    this.lock = lock;
    this.dataDir = dataDir;
    this.port = port;
    this.clusterId = clusterId;
  }

  /**
   * Starts a broker over {@code dataDir} and blocks until it accepts clients.
   *
   * @param dataDir        the log directory (created if missing); formatted on first start only
   * @param port           the client listener on 127.0.0.1, or 0 for a free port
   * @param controllerPort the KRaft controller listener on 127.0.0.1, or 0 for a free port
   * @return the running broker
   * @throws BrokerException if a port is in use, another broker uses the directory, the directory
   *     cannot be formatted or read, or the broker does not come up; the message says which
   */
  public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
    Objects.requireNonNull(dataDir, "dataDir");
    requirePort(port, "kafka.embedded.port");
    requirePort(controllerPort, "kafka.embedded.controller-port");
    if (port != 0 && port == controllerPort) {
      throw new BrokerException("kafka.embedded.port and kafka.embedded.controller-port are both "
          + port + ": the broker and the controller need different ports");
    }
    requireFree(port, "kafka.embedded.port");
    requireFree(controllerPort, "kafka.embedded.controller-port");

    Path dir = dataDir.toAbsolutePath().normalize();
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      return startLocked(dir, port, controllerPort, lock);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static EmbeddedKafka startLocked(Path dir, int port, int controllerPort, DataDirLock lock) {
    String clusterId = Storage.formatIfNeeded(dir);
    boolean pickedPorts = port == 0 || controllerPort == 0;
    for (int attempt = 1; ; attempt++) {
      int brokerPort = port == 0 ? Ports.pickFree() : port;
      int quorumPort = controllerPort == 0 ? pickFreeExcept(brokerPort) : controllerPort;
      try {
        KafkaRaftServer server = startOnce(dir, brokerPort, quorumPort, clusterId);
        return new EmbeddedKafka(server, lock, dir, brokerPort, clusterId);
      } catch (PortTakenException e) {
        if (!pickedPorts || attempt == BIND_ATTEMPTS) {
          throw new BrokerException(e.getMessage(), e.getCause());
        }
        LOG.debug("A port picked for the broker was taken meanwhile; trying others", e);
      }
    }
  }

  /** One attempt on fixed ports; package-private so a test can skip the port pre-check. */
  static KafkaRaftServer startOnce(Path dir, int brokerPort, int quorumPort, String clusterId) {
    KafkaConfig config = new KafkaConfig(BrokerSettings.of(dir, brokerPort, quorumPort), false);
    long startNanos = System.nanoTime();
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    String bootstrap = Ports.LOOPBACK + ":" + brokerPort;
    try {
      StartupExitGuard.run(() -> {
        server.startup();
        return server;
      });
      awaitReady(bootstrap);
    } catch (Throwable e) {
      // The broker's threads are not daemons: stop them before anything else, or the JVM hangs.
      stop(server);
      if (e instanceof Error error) {
        throw error;
      }
      throw explain((RuntimeException) e, dir, brokerPort, quorumPort);
    }
    LOG.info("Kafka broker ready at {} (cluster {}, data {}) in {} ms", bootstrap, clusterId, dir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    return server;
  }

  /** Turns a startup failure into one line for the operator; called after the broker was stopped. */
  private static RuntimeException explain(RuntimeException e, Path dir, int brokerPort, int quorumPort) {
    if (!Ports.isFree(brokerPort)) {
      return new PortTakenException(inUse(brokerPort, "kafka.embedded.port"), e);
    }
    if (!Ports.isFree(quorumPort)) {
      return new PortTakenException(inUse(quorumPort, "kafka.embedded.controller-port"), e);
    }
    if (e instanceof BrokerException brokerException) {
      return brokerException;
    }
    return new BrokerException("Kafka broker over " + dir + " failed to start: " + e.getMessage(), e);
  }

  private static void awaitReady(String bootstrap) {
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(config)) {
      int nodes = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      if (nodes == 0) {
        throw new BrokerException("Kafka broker at " + bootstrap + " reports no nodes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while waiting for the Kafka broker at " + bootstrap, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BrokerException("Kafka broker at " + bootstrap + " did not accept clients within "
          + READY_TIMEOUT.toSeconds() + " s", e);
    }
  }

  /** The address clients connect to, {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return Ports.LOOPBACK + ":" + port;
  }

  /** The client listener's port (the one picked if 0 was asked for). */
  public int port() {
    return port;
  }

  /** The cluster id kept in the data directory's {@code meta.properties}. */
  public String clusterId() {
    return clusterId;
  }

  /** Stops the broker and waits until all its threads have ended. Calling it again does nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long startNanos = System.nanoTime();
    try {
      stop(server);
    } finally {
      lock.close();
    }
    LOG.info("Kafka broker at {} (data {}) stopped in {} ms", bootstrapServers(), dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
  }

  private static void stop(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly: {}", e.toString());
    }
  }

  private static void requirePort(int port, String key) {
    if (port < 0 || port > 65_535) {
      throw new BrokerException(key + " is " + port + ": must be 0 (any free port) or 1-65535");
    }
  }

  private static void requireFree(int port, String key) {
    if (port != 0 && !Ports.isFree(port)) {
      throw new BrokerException(inUse(port, key));
    }
  }

  private static String inUse(int port, String key) {
    return "port " + port + " on " + Ports.LOOPBACK + " is in use: set " + key + " to a free port (or 0 for any)";
  }

  private static int pickFreeExcept(int taken) {
    int candidate = Ports.pickFree();
    while (candidate == taken) {
      candidate = Ports.pickFree();
    }
    return candidate;
  }

  /** A listener could not bind: retried when the port was ours to choose, reported otherwise. */
  private static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
