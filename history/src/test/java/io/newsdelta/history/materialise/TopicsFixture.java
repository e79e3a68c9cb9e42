package io.newsdelta.history.materialise;

import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the history's Kafka ITs need before each test: a new broker (consumer groups start from nothing), every
 * newsdelta topic plus any extra topic generations, and a producer writing events with CloudEvents headers as
 * the services do. Closed after the test. Register with {@code @RegisterExtension}.
 */
final class TopicsFixture implements BeforeEachCallback, AfterEachCallback {
  private final List<String> generations;
  private TestBroker broker;
  private KafkaProducer<String, byte[]> producer;

  /** The fixture with the versions and changes topics of {@code generations} too ({@code g2}: {@code ….g2}). */
  TopicsFixture(String... generations) {
    this.generations = List.of(generations);
  }

  String bootstrap() {
    return broker.bootstrapServers();
  }

  /** Writes {@code value} (JSON unless already bytes) with the CloudEvents headers of an article version. */
  void send(String topic, String key, String eventId, Object value) throws Exception {
    ProducerRecord<String, byte[]> rec =
        new ProducerRecord<>(topic, key, value instanceof byte[] b ? b : Json.writeBytes(value));
    CloudEvents.addHeaders(rec.headers(), eventId, CloudEvents.TYPE_ARTICLE_VERSION, "/test");
    producer.send(rec).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    broker = TestBroker.start();
    List<Topics.TopicSpec> topics = new ArrayList<>(Topics.all(2));
    for (String g : generations) {
      topics.add(new Topics.TopicSpec(Topics.ARTICLE_VERSIONS + "." + g, 2, Map.of()));
      topics.add(new Topics.TopicSpec(Topics.ARTICLE_CHANGES + "." + g, 2, Map.of()));
    }
    TopicAdmin.ensure(broker.bootstrapServers(), topics);
    producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
