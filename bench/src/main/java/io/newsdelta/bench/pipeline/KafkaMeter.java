package io.newsdelta.bench.pipeline;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.GroupLag;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the pipeline wrote to Kafka: topic end offsets, committed records counted by reading them back
 * (the diff worker writes in transactions, whose markers take offsets too), and the broker's log bytes
 * on disk when its log directory is known.
 */
final class KafkaMeter implements AutoCloseable {
  static final List<String> TOPICS = List.of(Topics.RAW_VERSIONS, Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES);

  private final String bootstrap;
  private final KafkaClients clients;
  /**
   * Made once the broker's port answers: the pipeline's embedded broker takes seconds to start, and an admin
   * client started before it logs a warning at every reconnect.
   */
  private Admin admin;

  KafkaMeter(String bootstrap) {
    this.bootstrap = bootstrap;
    this.clients = new KafkaClients(bootstrap, "bench");
  }

  /** True once the pipeline's topics exist. */
  boolean ready() {
    if (admin == null) {
      if (!listening()) {
        return false;
      }
      admin = clients.admin("meter", Map.of(
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }
    try {
      return admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(TOPICS);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean listening() {
    String first = bootstrap.split(",")[0].trim();
    int colon = first.lastIndexOf(':');
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(first.substring(0, colon),
          Integer.parseInt(first.substring(colon + 1))), 1_000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The end offset of every partition of the three article topics. */
  Map<TopicPartition, Long> endOffsets() {
    return endOffsets(TOPICS);
  }

  /** The end offsets of {@code names}' partitions (Streams' internal topics too). */
  Map<TopicPartition, Long> endOffsets(java.util.Collection<String> names) {
    try {
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      topics.values().forEach(d -> d.partitions().forEach(p -> ask.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(ask).all().get(15, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the topics' end offsets from " + bootstrap + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * How many records of {@code topic} consumer group {@code group} has yet to commit: the sum over the topic's
   * partitions of end offset minus committed offset (a partition without a commit counts from 0; {@link GroupLag}).
   * Transaction
   * markers take offsets too, so a group that has read everything may show a few records per partition until
   * its next commit.
   */
  long lag(String group, String topic) {
    Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
    try {
      return GroupLag.read(admin, group, GroupLag.fromZero(ends), Duration.ofSeconds(15)).lag();
    } catch (NewsdeltaException e) {
      throw new IllegalStateException("cannot read group " + group + "'s offsets from " + bootstrap + ": "
          + e.getMessage(), e);
    }
  }

  /** A stage clock on {@code partitions}, timing what is written to them from now on. */
  StageClock stageClock(List<TopicPartition> partitions) {
    return new StageClock(clients.consumer("stage-clock", Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
        new ByteArrayDeserializer(), new ByteArrayDeserializer()), partitions);
  }

  /** The offsets of {@code topic} between two snapshots. */
  static long delta(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, String topic) {
    long n = 0;
    for (Map.Entry<TopicPartition, Long> e : to.entrySet()) {
      if (e.getKey().topic().equals(topic)) {
        n += e.getValue() - from.getOrDefault(e.getKey(), 0L);
      }
    }
    return n;
  }

  /** Committed records of {@code topic} between two offset snapshots: {count, key + value bytes}. */
  long[] committed(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    List<TopicPartition> parts = new ArrayList<>();
    to.keySet().stream().filter(tp -> tp.topic().equals(topic)).forEach(parts::add);
    long count = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> c =
        clients.consumer("meter", Map.of(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.assign(parts);
      for (TopicPartition tp : parts) {
        c.seek(tp, from.getOrDefault(tp, 0L));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < to.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
            count++;
            bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
          }
        }
      }
    }
    return new long[] {count, bytes};
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }
}
