package io.newsdelta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class TestBrokerIT {

  private static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldUseTestcontainersOnlyWhenDockerIsAvailable() {
    String expected = DockerClientFactory.instance().isDockerAvailable() ? "testcontainers" : "in-process";

    assertThat(broker.kind()).isEqualTo(expected);
  }

  @Test
  void shouldLetConsumeSeeCommittedRecordsButNotAbortedOnes() throws Exception {
    createTopic(broker, "tx-check");
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-broker-it");
    try (KafkaProducer<String, String> producer =
             new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-check", "a", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-check", "b", "committed"));
      producer.commitTransaction();
    }

    List<ConsumerRecord<String, String>> records =
        Consume.records(broker.bootstrapServers(), "tx-check", 2, Duration.ofSeconds(3));

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
  }

  @Test
  void shouldStartAnIsolatedBrokerOnEveryCall() throws Exception {
    createTopic(broker, "only-in-the-shared-broker");

    try (TestBroker other = TestBroker.start()) {
      assertThat(other.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());
      try (Admin admin = admin(other)) {
        assertThat(admin.listTopics().names().get()).doesNotContain("only-in-the-shared-broker");
      }
    }
  }

  private static void createTopic(TestBroker target, String topic) throws Exception {
    try (Admin admin = admin(target)) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static Admin admin(TestBroker target) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
  }
}
