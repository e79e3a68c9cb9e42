package io.newsdelta.ingest.registry;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.CompactedTopicReader;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.events.Topics.TopicSpec;
import io.newsdelta.ingest.health.FeedStatus;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.kafka.TopicAdmin;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The feed registry as a tool sees it ({@code feeds add|remove|list}): writes a registration or a tombstone to
 * {@link Topics#FEEDS}, acknowledged before returning, and reads the whole compacted topic to the end it has now.
 * Every ingest instance follows the topic, so a feed added here is polled by whichever instance owns its
 * partition within moments, and a removed one stops.
 */
public final class RegistryClient {
  private final String bootstrapServers;
  private final Duration timeout;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param timeout how long one write or one read of the whole topic may take
   */
  public RegistryClient(String bootstrapServers, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  /**
   * Registers (or re-registers) a feed.
   *
   * @param partitions the partitions the topic gets when it does not exist yet ({@code kafka.partitions})
   * @throws NewsdeltaException when Kafka does not take it within the timeout
   */
  public void put(FeedRegistration feed, int partitions) {
    putAll(List.of(feed), partitions);
  }

  /**
   * Registers (or re-registers) feeds with one producer, each acknowledged before this returns.
   *
   * @param partitions the partitions the topic gets when it does not exist yet ({@code kafka.partitions})
   * @throws NewsdeltaException when Kafka does not take them within the timeout
   */
  public void putAll(List<FeedRegistration> feeds, int partitions) {
    TopicSpec spec = Topics.all(partitions).stream().filter(s -> s.name().equals(Topics.FEEDS)).findFirst()
        .orElseThrow();
    // Created here with its compaction, rather than by the broker's auto-creation without it.
    TopicAdmin.ensure(bootstrapServers, List.of(spec));
    Map<String, byte[]> records = new LinkedHashMap<>();
    feeds.forEach(f -> records.put(f.url(), Json.writeBytes(f)));
    send(records);
  }

  /**
   * Removes a feed (a tombstone); ingest stops polling it and checking its articles.
   *
   * @throws NewsdeltaException when Kafka does not take it within the timeout
   */
  public void remove(String feedUrl) {
    Map<String, byte[]> tombstone = new LinkedHashMap<>();
    tombstone.put(feedUrl, null);
    send(tombstone);
  }

  /**
   * Every feed registered now, by URL, in URL order.
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, FeedRegistration> list() {
    return readToEnd(Topics.FEEDS, FeedRegistration.class);
  }

  /**
   * The status of each feed as the ingest instance polling it last wrote it on {@link Topics#FEEDS_STATUS}, by
   * URL (feeds never polled yet, or whose instance runs an older release, have none).
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, FeedStatus> statuses() {
    return readToEnd(Topics.FEEDS_STATUS, FeedStatus.class);
  }

  /** The net content of a compacted topic read to the end it has now: the last value of each key, in key order. */
  private <T> Map<String, T> readToEnd(String topic, Class<T> type) {
    Map<String, T> values = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaClients(bootstrapServers, "feeds").consumer("list",
        Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      new CompactedTopicReader<>(consumer, topic, rec -> apply(values, rec, type)).readToEnd(timeout);
      return new TreeMap<>(values);
    } catch (KafkaException e) {
      throw new NewsdeltaException("could not read " + topic + " from " + bootstrapServers + ": "
          + e.getMessage(), e);
    }
  }

  private static <T> void apply(Map<String, T> values, ConsumerRecord<String, byte[]> rec, Class<T> type) {
    if (rec.key() == null) {
      return;
    }
    if (rec.value() == null) {
      values.remove(rec.key());
      return;
    }
    try {
      values.put(rec.key(), Json.read(rec.value(), type));
    } catch (NewsdeltaException e) {
      // Not a record of this topic's type: ingest skips it too.
    }
  }

  private void send(Map<String, byte[]> records) {
    Map<String, Object> settings = new java.util.HashMap<>(IngestPublisher.PRODUCER_SETTINGS);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    String key = String.join(", ", records.keySet());
    try (KafkaProducer<String, byte[]> producer = new KafkaClients(bootstrapServers, "feeds").producer("register",
        settings, new StringSerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (Map.Entry<String, byte[]> r : records.entrySet()) {
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(Topics.FEEDS, r.getKey(), r.getValue());
        CloudEvents.addHeaders(rec.headers(), UUID.randomUUID().toString(), CloudEvents.TYPE_FEED_REGISTRATION,
            IngestPublisher.SOURCE);
        sent.add(producer.send(rec));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (java.util.concurrent.Future<?> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw new NewsdeltaException("could not write " + key + " to " + Topics.FEEDS + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new NewsdeltaException("Kafka at " + bootstrapServers + " did not take the write to " + Topics.FEEDS
          + " within " + timeout.toSeconds() + " s; check kafka.bootstrap-servers and that the broker runs");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while writing to " + Topics.FEEDS, e);
    } catch (KafkaException e) {
      throw new NewsdeltaException("could not write " + key + " to " + Topics.FEEDS + ": " + e.getMessage(), e);
    }
  }
}
