package io.newsdelta.kafka;

import io.newsdelta.config.KafkaSettings;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Where every Kafka client of one service is built: the bootstrap servers, the settings every client shares
 * (security, for instance), a client id {@code newsdelta-<service>-<role>-<n>} that says in the broker's logs and
 * in the metrics who is talking, newsdelta's defaults for each kind of client, and an {@link Observer} told of each
 * producer and consumer built (the metrics bind their client metrics there).
 *
 * <p>Defaults, which the caller's settings override: producers are idempotent with {@code acks=all} and zstd;
 * consumers read committed records only, from the earliest offset when they have none, and never commit on their
 * own (the caller commits what it has handled, see {@link ConsumerRunner}).
 *
 * <pre>{@code
 * KafkaClients clients = new KafkaClients(config.kafka(), "ingest").observed(metricsObserver);
 * Producer<String, byte[]> producer = clients.producer("publish", Map.of(), new StringSerializer(),
 *     new ByteArraySerializer());
 * }</pre>
 */
public final class KafkaClients {

  /** Told of each client built, on the building thread; the metrics bind the client's metrics here. */
  public interface Observer {
    /** A producer was built. */
    default void producer(String service, Producer<?, ?> producer) {}

    /** A consumer was built. */
    default void consumer(String service, Consumer<?, ?> consumer) {}

    /**
     * An observer from two functions; with the metrics, {@code Observer.of(metrics::bind, metrics::bind)} binds
     * every client's metrics ({@code ServiceMetrics.bind(String, Producer)} and {@code bind(String, Consumer)}).
     */
    static Observer of(BiConsumer<String, Producer<?, ?>> producers, BiConsumer<String, Consumer<?, ?>> consumers) {
      return new Observer() {
        @Override
        public void producer(String service, Producer<?, ?> producer) {
          producers.accept(service, producer);
        }

        @Override
        public void consumer(String service, Consumer<?, ?> consumer) {
          consumers.accept(service, consumer);
        }
      };
    }
  }

  private static final Observer NONE = new Observer() {};

  private final String bootstrapServers;
  private final String service;
  private final Map<String, Object> common;
  private final Observer observer;
  /** The next number tried per role; the JMX registrations say which ids this JVM already uses. */
  private final Map<String, AtomicInteger> next;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param service the service the clients belong to ({@code ingest}, {@code notifier}, ...), in the client ids
   * @param common settings every client gets (security, for instance); the caller's settings override them
   */
  public KafkaClients(String bootstrapServers, String service, Map<String, ?> common) {
    this(bootstrapServers, service, Map.copyOf(common), NONE, new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** Clients of {@code service} on {@code bootstrapServers} with no shared settings. */
  public KafkaClients(String bootstrapServers, String service) {
    this(bootstrapServers, service, Map.of());
  }

  /** Clients of {@code service} on the configured cluster (or the embedded broker's listener). */
  public KafkaClients(KafkaSettings kafka, String service) {
    this(kafka.effectiveBootstrapServers(), service);
  }

  private KafkaClients(String bootstrapServers, String service, Map<String, Object> common, Observer observer,
      Map<String, AtomicInteger> next) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no Kafka bootstrap servers given");
    }
    if (service == null || !service.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("a service name is lower-case letters, digits and '-', not " + service);
    }
    this.bootstrapServers = bootstrapServers;
    this.service = service;
    this.common = common;
    this.observer = Objects.requireNonNull(observer);
    this.next = next;
  }

  /** The same factory, telling {@code observer} of each producer and consumer it builds. */
  public KafkaClients observed(Observer observer) {
    return new KafkaClients(bootstrapServers, service, common, observer, next);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String service() {
    return service;
  }

  /**
   * A client id {@code newsdelta-<service>-<role>-<n>} that no client of this JVM uses now: {@code n} counts up
   * from 1 per role, skipping ids registered in JMX (another factory of the same service in this JVM, as tests
   * run two ingest instances side by side, has its own count).
   */
  public String clientId(String role) {
    if (role == null || !role.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("a client role is lower-case letters, digits and '-', not " + role);
    }
    String prefix = "newsdelta-" + service + "-" + role + "-";
    AtomicInteger counter = next.computeIfAbsent(role, r -> new AtomicInteger(1));
    Set<String> used = idsInUse();
    while (true) {
      String id = prefix + counter.getAndIncrement();
      if (used.stream().noneMatch(u -> u.equals(id) || u.startsWith(id + "-"))) {
        return id;
      }
    }
  }

  /** The consumer settings for {@code role}: the defaults, the shared settings, then {@code overrides}. */
  public Properties consumerProperties(String role, Map<String, ?> overrides) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties(role, p, overrides);
  }

  /** The producer settings for {@code role}: idempotent, {@code acks=all}, zstd, then the shared settings. */
  public Properties producerProperties(String role, Map<String, ?> overrides) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    return properties(role, p, overrides);
  }

  /** The admin client settings for {@code role}. */
  public Properties adminProperties(String role, Map<String, ?> overrides) {
    return properties(role, Map.of(), overrides);
  }

  /**
   * A Kafka Streams application's settings: {@code application.id}, the bootstrap servers, a client id (Streams
   * derives its threads' client ids from it), the shared settings, then {@code overrides} (Streams' own
   * defaults stay where newsdelta sets nothing). Plain keys: this module does not depend on Kafka Streams.
   */
  public Properties streamsProperties(String applicationId, Map<String, ?> overrides) {
    Properties p = properties("streams", Map.of(), overrides);
    p.putIfAbsent("application.id", applicationId);
    return p;
  }

  /** A consumer for {@code role} ({@link #consumerProperties}), of which the observer is told. */
  public <K, V> KafkaConsumer<K, V> consumer(String role, Map<String, ?> overrides, Deserializer<K> keys,
      Deserializer<V> values) {
    KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerProperties(role, overrides), keys, values);
    observer.consumer(service, consumer);
    return consumer;
  }

  /** A producer for {@code role} ({@link #producerProperties}), of which the observer is told. */
  public <K, V> KafkaProducer<K, V> producer(String role, Map<String, ?> overrides, Serializer<K> keys,
      Serializer<V> values) {
    KafkaProducer<K, V> producer = new KafkaProducer<>(producerProperties(role, overrides), keys, values);
    observer.producer(service, producer);
    return producer;
  }

  /** An admin client for {@code role}. */
  public Admin admin(String role, Map<String, ?> overrides) {
    return Admin.create(adminProperties(role, overrides));
  }

  private Properties properties(String role, Map<String, Object> defaults, Map<String, ?> overrides) {
    Properties p = new Properties();
    p.putAll(defaults);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.putAll(common);
    p.putAll(overrides);
    // The caller may name the client itself (a transactional id's owner, for instance); otherwise ours.
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId(role));
    return p;
  }

  /**
   * The client ids of this JVM's Kafka clients, from their {@code app-info} JMX registrations (a Streams
   * application's clients are named after its client id, hence the prefix test above).
   */
  private static Set<String> idsInUse() {
    Set<String> ids = new HashSet<>();
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      for (ObjectName name : server.queryNames(new ObjectName("kafka.*:type=app-info,*"), null)) {
        String id = name.getKeyProperty("id");
        if (id != null) {
          ids.add(id);
        }
      }
    } catch (MalformedObjectNameException | IllegalArgumentException e) {
      // Cannot happen for this constant pattern; an id reused by accident only costs a JMX warning.
    }
    return ids;
  }
}
