package io.newsdelta.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the versions and changes topics from the beginning, committed records only, as a downstream
 * consumer would, and keeps every version number and change seen per article URL — duplicates included,
 * which is what the ledger checks for. Keeps reading across a broker restart (the client reconnects; broker
 * trouble is logged once and retried by its {@link ConsumerRunner}). Its consumer is
 * {@code newsdelta-fault-suite-watch-<n>} ({@link KafkaClients}: committed records only, no group, no commits).
 */
final class TopicWatch implements AutoCloseable {
  /** A change as the ledger needs it. */
  record Change(String changeId, int fromVersion, int toVersion) {}

  private final ConsumerRunner<byte[], byte[]> runner;
  private final Map<String, List<Integer>> versions = new ConcurrentHashMap<>();
  private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();
  private volatile RuntimeException failure;

  TopicWatch(String bootstrapServers) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaClients(bootstrapServers, "fault-suite").consumer("watch",
        Map.of(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES)) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    runner = ConsumerRunner.of("fault-topic-watch", "the versions and changes topics", consumer)
        .setup(c -> {
          c.assign(partitions);
          c.seekToBeginning(partitions);
          return true;
        })
        .handler(this::see)
        .poll(Duration.ofMillis(200))
        .daemon(true)
        .build();
    runner.start();
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

  /** Keeps one record; the first that cannot be read stops the watch, and {@link #check()} says why. */
  private void see(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null || failure != null) {
      return;
    }
    try {
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
    } catch (RuntimeException e) {
      failure = e;
      runner.stop();
    }
  }

  /** Throws what stopped the reader, if anything did. */
  void check() {
    if (failure != null) {
      throw new IllegalStateException("the suite's topic reader failed: " + failure.getMessage(), failure);
    }
  }

  /** Stops reading; returns once the consumer is closed (within about 10 s). */
  @Override
  public void close() {
    runner.close();
  }
}
