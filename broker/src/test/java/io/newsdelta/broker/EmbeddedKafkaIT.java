package io.newsdelta.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  private static final String TOPIC = "restart-check";
  private static final String GROUP = "restart-group";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  @TempDir
  Path dataDir;

  @Test
  void shouldKeepClusterIdRecordsAndCommittedOffsetsAcrossRestart() throws Exception {
    List<Thread> threadsBefore = liveNonDaemonThreads();
    String clusterId;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 0)) {
      clusterId = kafka.clusterId();
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
      try (Admin admin = admin(kafka)) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      }
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        producer.send(new ProducerRecord<>(TOPIC, "article-1", "first version")).get();
      }
      try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
        List<ConsumerRecord<String, String>> records = pollAtLeast(consumer, 1);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("first version");
        consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(1)));
      }
      kafka.close();
      kafka.close(); // idempotent
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 0)) {
      assertThat(kafka.clusterId()).isEqualTo(clusterId);
      assertThat(kafka.port()).isNotZero();
      try (Admin admin = admin(kafka)) {
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        assertThat(committed.get(PARTITION).offset()).isEqualTo(1L);
      }
      try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
        consumer.unsubscribe();
        consumer.assign(Set.of(PARTITION));
        consumer.seekToBeginning(Set.of(PARTITION));
        List<ConsumerRecord<String, String>> records = pollAtLeast(consumer, 1);
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
            .containsExactly(tuple("article-1", "first version"));
      }
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(liveNonDaemonThreads()).as("threads left running after close")
            .filteredOn(t -> !threadsBefore.contains(t) && t != Thread.currentThread()).extracting(Thread::getName).isEmpty());
  }

  @Test
  void shouldExplainWhichSettingToChangeWhenThePortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, port, 0))
          .isInstanceOf(BrokerException.class)
          .hasMessage("port " + port + " on 127.0.0.1 is in use: set kafka.embedded.port"
              + " to a free port (or 0 for any)");
    }
  }

  @Test
  void shouldReportAControllerPortTakenDuringStartupInsteadOfEndingTheJvm() throws Exception {
    String clusterId = Storage.formatIfNeeded(dataDir);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      // Kafka's controller calls Exit.halt when it cannot bind; in-process that must be an exception.
      assertThatThrownBy(() -> EmbeddedKafka.startOnce(dataDir, Ports.pickFree(), port, clusterId))
          .hasMessage("port " + port + " on 127.0.0.1 is in use: set kafka.embedded.controller-port"
              + " to a free port (or 0 for any)");
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 0)) {
      assertThat(kafka.clusterId()).isEqualTo(clusterId);
    }
  }

  @Test
  void shouldRefuseASecondBrokerOverTheSameDataDirectoryAndKeepTheFirstWorking() throws Exception {
    try (EmbeddedKafka first = EmbeddedKafka.start(dataDir, 0, 0)) {
      assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0, 0))
          .isInstanceOf(BrokerException.class)
          .hasMessage("Kafka data directory " + dataDir.toAbsolutePath() + " is in use by another broker:"
              + " stop it, or set kafka.embedded.data-dir to another directory");

      try (Admin admin = admin(first)) {
        admin.createTopics(List.of(new NewTopic("still-working", 1, (short) 1))).all().get();
        assertThat(admin.listTopics().names().get()).contains("still-working");
      }
    }
  }

  @Test
  void shouldRejectAnImpossiblePort() {
    assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 70_000, 0))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining("kafka.embedded.port is 70000");
  }

  /** Non-daemon threads are the ones that keep the JVM alive. */
  private static List<Thread> liveNonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .toList();
  }

  private static List<ConsumerRecord<String, String>> pollAtLeast(KafkaConsumer<String, String> consumer, int n) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (records.size() < n && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static Admin admin(EmbeddedKafka kafka) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka) {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, GROUP,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    return consumer;
  }
}
