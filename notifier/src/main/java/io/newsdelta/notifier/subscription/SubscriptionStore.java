package io.newsdelta.notifier.subscription;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.CompactedTopicReader;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
  private final CompactedTopicReader<String, byte[]> reader;
  private final ConsumerRunner<String, byte[]> runner;

  /**
   * A store over the cluster at {@code bootstrapServers} (reader {@code newsdelta-notifier-subscriptions-<n>});
   * reads nothing until {@link #start()}.
   */
  public SubscriptionStore(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    KafkaConsumer<String, byte[]> consumer = new KafkaClients(bootstrapServers, "notifier").consumer("subscriptions",
        Map.of(), new StringDeserializer(), new ByteArrayDeserializer());
    // No topic yet means no run-time subscription yet: caught up at once, and the topic followed once created.
    this.reader = new CompactedTopicReader<>(consumer, Topics.SUBSCRIPTIONS, this::apply).missingTopicIsEmpty();
    this.runner = reader.follow("notifier-subscriptions",
            () -> LOG.info("Subscriptions read from {}: {}", Topics.SUBSCRIPTIONS, current.keySet()))
        .daemon(true)
        .build();
  }

  /** Starts reading; {@link #awaitCaughtUp(Duration)} waits for the topic's end. */
  public SubscriptionStore start() {
    runner.start();
    return this;
  }

  /** Waits until everything on the topic at start was read; false when {@code timeout} passed first. */
  public boolean awaitCaughtUp(Duration timeout) {
    try {
      return reader.awaitCaughtUp(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The subscriptions now, by name. */
  public Collection<SubscriptionConfig> all() {
    return List.copyOf(current.values());
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
    try (KafkaProducer<String, byte[]> producer = new KafkaClients(bootstrapServers, "subscriptions").producer(
        "write", Map.of(), new StringSerializer(), new ByteArraySerializer())) {
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
    runner.close();
  }
}
