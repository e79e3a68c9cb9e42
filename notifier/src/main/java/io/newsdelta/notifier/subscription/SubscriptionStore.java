package io.newsdelta.notifier.subscription;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-time subscriptions, kept in the compacted topic {@link Topics#SUBSCRIPTIONS} (key = name, value = the
 * subscription's JSON, a tombstone removes it) so every notifier instance sees the same ones. One reader thread
 * reads the topic to its end, then follows it (in the manner of Kafka Connect's {@code KafkaBasedLog}); no
 * consumer group, every instance reads everything.
 */
public final class SubscriptionStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
  /** The CloudEvents type of a subscription record. */
  public static final String CE_TYPE = "io.newsdelta.subscription";

  private final String bootstrapServers;
  private final Map<String, SubscriptionConfig> current = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  /** A store over the cluster at {@code bootstrapServers}; reads nothing until {@link #start()}. */
  public SubscriptionStore(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-subscriptions-reader");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "notifier-subscriptions");
    this.thread.setDaemon(true);
  }

  /** Starts reading; {@link #awaitCaughtUp(Duration)} waits for the topic's end. */
  public SubscriptionStore start() {
    thread.start();
    return this;
  }

  /** Waits until everything on the topic at start was read; false when {@code timeout} passed first. */
  public boolean awaitCaughtUp(Duration timeout) {
    try {
      return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The subscriptions now, by name. */
  public Collection<SubscriptionConfig> all() {
    return List.copyOf(current.values());
  }

  private void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBSCRIPTIONS, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      while (running) {
        for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
          apply(rec);
        }
        if (caughtUp.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
          caughtUp.countDown();
          LOG.info("Subscriptions read from {}: {}", Topics.SUBSCRIPTIONS, current.keySet());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Reading {} stopped: {}; run-time subscriptions are not followed until restart", Topics.SUBSCRIPTIONS,
          e.getMessage());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> rec) {
    if (rec.key() == null) {
      return;
    }
    if (rec.value() == null) {
      current.remove(rec.key());
      return;
    }
    try {
      current.put(rec.key(), Json.read(rec.value(), SubscriptionConfig.class));
    } catch (NewsdeltaException e) {
      LOG.warn("Ignoring the unreadable subscription {} on {}: {}", rec.key(), Topics.SUBSCRIPTIONS, e.getMessage());
    }
  }

  /** Adds or replaces a subscription on the topic, acknowledged by the broker before returning. */
  public static void put(String bootstrapServers, SubscriptionConfig subscription) {
    send(bootstrapServers, subscription.name(), Json.writeBytes(subscription));
  }

  /** Removes a subscription (a tombstone), acknowledged by the broker before returning. */
  public static void remove(String bootstrapServers, String name) {
    send(bootstrapServers, name, null);
  }

  /** Writes through this store's cluster. */
  public void write(SubscriptionConfig subscription) {
    put(bootstrapServers, subscription);
  }

  /** Removes through this store's cluster. */
  public void delete(String name) {
    remove(bootstrapServers, name);
  }

  private static void send(String bootstrapServers, String name, byte[] value) {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.CLIENT_ID_CONFIG, "newsdelta-subscriptions-writer");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SUBSCRIPTIONS, name, value);
      CloudEvents.addHeaders(record.headers(), name, CE_TYPE, "/newsdelta/notifier");
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new NewsdeltaException("cannot write subscription " + name + " to " + Topics.SUBSCRIPTIONS + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while writing subscription " + name, e);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
