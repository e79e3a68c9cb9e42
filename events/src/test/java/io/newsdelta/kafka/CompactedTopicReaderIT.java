package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompactedTopicReaderIT {
  private static TestBroker broker;
  private static KafkaClients clients;

  @BeforeAll
  static void start() {
    broker = TestBroker.start();
    clients = new KafkaClients(broker.bootstrapServers(), "reader-it");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void shouldReadEveryPartitionToItsEndApplyingTombstones() throws Exception {
    String topic = topic(3);
    send(topic, List.of(kv("a", "1"), kv("b", "1"), kv("c", "1"), kv("a", "2"), kv("b", null)));
    Map<String, String> state = new ConcurrentHashMap<>();

    CompactedTopicReader.Read read;
    try (KafkaConsumer<String, String> consumer = consumer()) {
      read = new CompactedTopicReader<>(consumer, topic, r -> apply(state, r.key(), r.value()))
          .readToEnd(Duration.ofSeconds(60));
    }

    assertThat(read).isEqualTo(new CompactedTopicReader.Read(true, 5));
    assertThat(state).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "c", "1"));
  }

  @Test
  void shouldBeCaughtUpAtOnceOnAnEmptyTopicAndSayWhenTheTopicIsMissing() {
    String empty = topic(2);
    try (KafkaConsumer<String, String> consumer = consumer()) {
      assertThat(new CompactedTopicReader<>(consumer, empty, r -> {}).readToEnd(Duration.ofSeconds(60)))
          .isEqualTo(new CompactedTopicReader.Read(true, 0));
    }
    try (KafkaConsumer<String, String> consumer = consumer()) {
      assertThat(new CompactedTopicReader<>(consumer, "missing-" + UUID.randomUUID(), r -> {})
          .readToEnd(Duration.ofSeconds(10))).isEqualTo(new CompactedTopicReader.Read(false, 0));
    }
  }

  @Test
  void shouldSkipARecordItsHandlerRejectsAndGoOn() {
    String topic = topic(1);
    send(topic, List.of(kv("a", "1"), kv("bad", "x"), kv("c", "1")));
    Map<String, String> state = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      new CompactedTopicReader<>(consumer, topic, r -> {
        if (r.key().equals("bad")) {
          throw new NewsdeltaException("not a state");
        }
        apply(state, r.key(), r.value());
      }).readToEnd(Duration.ofSeconds(60));
    }

    assertThat(state).containsOnlyKeys("a", "c");
  }

  @Test
  void shouldFailWithAClearMessageWhenTheEndIsNotReachedInTime() {
    String topic = topic(1);
    send(topic, List.of(kv("a", "1")));
    try (KafkaConsumer<String, String> consumer = consumer()) {
      CompactedTopicReader<String, String> slow = new CompactedTopicReader<>(consumer, topic, r -> {});
      assertThatThrownBy(() -> slow.readToEnd(Duration.ZERO)).isInstanceOf(NewsdeltaException.class)
          .hasMessageContaining("could not read " + topic + " to its end within");
    }
  }

  @Test
  void shouldSignalCaughtUpOnlyAfterTheBacklogThenFollowNewRecords() throws Exception {
    String topic = topic(2);
    send(topic, List.of(kv("a", "1"), kv("b", "1"), kv("a", "2")));
    Map<String, String> state = new ConcurrentHashMap<>();
    Map<String, String> atCaughtUp = new ConcurrentHashMap<>();
    AtomicInteger signals = new AtomicInteger();
    CompactedTopicReader<String, String> reader =
        new CompactedTopicReader<>(consumer(), topic, r -> apply(state, r.key(), r.value()));

    try (ConsumerRunner<String, String> runner = reader.follow("reader-it-follow", () -> {
      atCaughtUp.putAll(state);
      signals.incrementAndGet();
    }).build().start()) {
      assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      assertThat(reader.isCaughtUp()).isTrue();
      assertThat(atCaughtUp).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "1"));

      send(topic, List.of(kv("c", "1"), kv("a", null)));
      await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(Map.of("b", "1", "c", "1")));
      assertThat(signals).hasValue(1);
    }
  }

  @Test
  void shouldWaitForATopicThatDoesNotExistYetWhenFollowing() throws Exception {
    String topic = "later-" + UUID.randomUUID();
    Map<String, String> state = new ConcurrentHashMap<>();
    CompactedTopicReader<String, String> reader =
        new CompactedTopicReader<>(consumer(), topic, r -> apply(state, r.key(), r.value()));
    try (ConsumerRunner<String, String> runner = reader.follow("reader-it-later", () -> {}).build().start()) {
      assertThat(reader.isCaughtUp()).isFalse();
      create(topic, 1);
      assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      send(topic, List.of(kv("a", "1")));
      await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(Map.of("a", "1")));
    }
  }

  @Test
  void shouldCountAMissingTopicAsEmptyWhenAskedAndStillFollowItOnceCreated() throws Exception {
    String topic = "later-" + UUID.randomUUID();
    Map<String, String> state = new ConcurrentHashMap<>();
    AtomicInteger signals = new AtomicInteger();
    CompactedTopicReader<String, String> reader =
        new CompactedTopicReader<>(consumer(), topic, r -> apply(state, r.key(), r.value())).missingTopicIsEmpty();
    try (ConsumerRunner<String, String> runner =
        reader.follow("reader-it-missing", signals::incrementAndGet).build().start()) {
      assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      assertThat(state).isEmpty();
      create(topic, 1);
      send(topic, List.of(kv("a", "1")));
      await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(Map.of("a", "1")));
      assertThat(signals).hasValue(1);
    }
  }

  private static void apply(Map<String, String> state, String key, String value) {
    if (value == null) {
      state.remove(key);
    } else {
      state.put(key, value);
    }
  }

  private static KafkaConsumer<String, String> consumer() {
    return clients.consumer("read", Map.of(), new StringDeserializer(), new StringDeserializer());
  }

  private static String topic(int partitions) {
    String name = "compacted-" + UUID.randomUUID();
    create(name, partitions);
    return name;
  }

  private static void create(String name, int partitions) {
    try (Admin admin = clients.admin("it", Map.of())) {
      admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Kv(String key, String value) {}

  private static Kv kv(String key, String value) {
    return new Kv(key, value);
  }

  private static void send(String topic, List<Kv> records) {
    try (KafkaProducer<String, String> producer =
        clients.producer("it", Map.of(), new StringSerializer(), new StringSerializer())) {
      for (Kv r : records) {
        producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
      }
      producer.flush();
    }
  }
}
