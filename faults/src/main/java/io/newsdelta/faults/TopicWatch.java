package io.newsdelta.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the versions and changes topics from the beginning, committed records only, as a downstream
 * consumer would, and keeps every version number and change seen per article URL — duplicates included,
 * which is what the ledger checks for. Keeps reading across a broker restart (the client reconnects).
 */
final class TopicWatch implements AutoCloseable {
  /** A change as the ledger needs it. */
  record Change(String changeId, int fromVersion, int toVersion) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final Map<String, List<Integer>> versions = new ConcurrentHashMap<>();
  private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();
  private volatile RuntimeException failure;

  TopicWatch(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-fault-suite"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES)) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::poll, "fault-topic-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Version numbers seen for the article, in topic order. */
  List<Integer> versionsOf(String url) {
    List<Integer> seen = versions.get(url);
    return seen == null ? List.of() : List.copyOf(seen);
  }

  List<Change> changesOf(String url) {
    List<Change> seen = changes.get(url);
    return seen == null ? List.of() : List.copyOf(seen);
  }

  int versionCount() {
    return versions.values().stream().mapToInt(List::size).sum();
  }

  int changeCount() {
    return changes.values().stream().mapToInt(List::size).sum();
  }

  private void poll() {
    try {
      while (true) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            continue;
          }
          JsonNode event = Json.read(record.value(), JsonNode.class);
          String url = event.path("url").asText();
          if (record.topic().equals(Topics.ARTICLE_VERSIONS)) {
            versions.computeIfAbsent(url, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(event.path("version").asInt());
          } else {
            changes.computeIfAbsent(url, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Change(event.path("changeId").asText(), event.path("fromVersion").asInt(),
                    event.path("toVersion").asInt()));
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Throws what stopped the reader, if anything did. */
  void check() {
    if (failure != null) {
      throw new IllegalStateException("the suite's topic reader failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(5));
  }
}
