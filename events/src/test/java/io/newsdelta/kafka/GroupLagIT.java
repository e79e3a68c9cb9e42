package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupLagIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static TestBroker broker;
  private static KafkaClients clients;
  private static Admin admin;

  @BeforeAll
  static void start() {
    broker = TestBroker.start();
    clients = new KafkaClients(broker.bootstrapServers(), "lag-it");
    admin = clients.admin("it", Map.of());
  }

  @AfterAll
  static void stop() {
    admin.close();
    broker.close();
  }

  @Test
  void shouldCountWhatTheGroupCommittedWithinEachRange() throws Exception {
    String topic = topic();
    String group = "lag-it-" + UUID.randomUUID();
    TopicPartition p0 = new TopicPartition(topic, 0);
    TopicPartition p1 = new TopicPartition(topic, 1);
    TopicPartition p2 = new TopicPartition(topic, 2);
    commit(group, Map.of(p0, 4L, p1, 30L));

    // p0: 4 of 10; p1: committed past its range's end, so all 5 (20..25); p2: never committed, 0 of 7.
    GroupLag lag = GroupLag.read(admin, group, Map.of(
        p0, new GroupLag.Range(0, 10), p1, new GroupLag.Range(20, 25), p2, new GroupLag.Range(3, 10)), TIMEOUT);

    assertThat(lag).isEqualTo(new GroupLag(9, 22));
    assertThat(lag.lag()).isEqualTo(13);
  }

  @Test
  void shouldCountEverythingAsLagForAGroupThatNeverCommitted() {
    String topic = topic();
    Map<TopicPartition, Long> ends = Map.of(new TopicPartition(topic, 0), 8L, new TopicPartition(topic, 1), 2L);

    GroupLag lag = GroupLag.read(admin, "lag-it-never-" + UUID.randomUUID(), GroupLag.fromZero(ends), TIMEOUT);

    assertThat(lag).isEqualTo(new GroupLag(0, 10));
    assertThat(lag.lag()).isEqualTo(10);
  }

  /** Commits {@code offsets} for {@code group} as a consumer of that group would (offsets need not exist). */
  private static void commit(String group, Map<TopicPartition, Long> offsets) {
    try (KafkaConsumer<String, String> consumer = clients.consumer("commit", Map.of("group.id", group),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(offsets.keySet());
      Map<TopicPartition, OffsetAndMetadata> commit = new java.util.HashMap<>();
      offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
      consumer.commitSync(commit, TIMEOUT);
    }
  }

  private static String topic() {
    String name = "lag-" + UUID.randomUUID();
    try {
      admin.createTopics(List.of(new NewTopic(name, Optional.of(3), Optional.empty()))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return name;
  }
}
