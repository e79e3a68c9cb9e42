package io.newsdelta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

class ConsumeIT {

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
  void shouldReturnAsSoonAsTheExpectedRecordsArrivedInOrder() throws Exception {
    createTopic("three-records");
    produce("three-records", "one", "two", "three");

    long start = System.nanoTime();
    List<ConsumerRecord<String, String>> records =
        Consume.records(broker.bootstrapServers(), "three-records", 3, Duration.ofSeconds(30));

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("one", "two", "three");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void shouldReturnWhatArrivedWhenTheTimeoutPasses() throws Exception {
    createTopic("short-topic");
    produce("short-topic", "only");

    List<ConsumerRecord<String, String>> records =
        Consume.records(broker.bootstrapServers(), "short-topic", 5, Duration.ofSeconds(2));

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("only");
  }

  @Test
  void shouldSeeATopicCreatedWhileWaiting() throws Exception {
    CompletableFuture<List<ConsumerRecord<String, String>>> reading = CompletableFuture.supplyAsync(() ->
        Consume.records(broker.bootstrapServers(), "created-later", 1, Duration.ofSeconds(30)));

    createTopic("created-later");
    produce("created-later", "late");

    assertThat(reading.get()).extracting(ConsumerRecord::value).containsExactly("late");
  }

  private static void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(String topic, String... values) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
             new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value)).get();
      }
    }
  }
}
