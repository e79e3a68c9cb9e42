package io.newsdelta.history.materialise;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild after {@code replay} and the operator's switch: it reads the versions of the topic generation named by
 * {@code diff-worker.topic-generation}, not the original topics, on a real broker into a real SQLite file.
 */
class HistoryRebuildIT {
  private static final String ARTICLE = "https://news.example/world/flood";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  private TestBroker broker;
  private KafkaProducer<String, byte[]> producer;

  @BeforeEach
  void start() {
    broker = TestBroker.start();
    List<Topics.TopicSpec> topics = new ArrayList<>(Topics.all(2));
    topics.add(new Topics.TopicSpec(Topics.ARTICLE_VERSIONS + ".g2", 2, Map.of()));
    topics.add(new Topics.TopicSpec(Topics.ARTICLE_CHANGES + ".g2", 2, Map.of()));
    TopicAdmin.ensure(broker.bootstrapServers(), topics);
    producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void stop() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldRebuildFromTheCurrentTopicGenerationAfterASwitch() throws Exception {
    // The original generation made by an older extractor: two versions with the old text.
    send(Topics.ARTICLE_VERSIONS, version(1, "Flood headline (old extractor)"));
    send(Topics.ARTICLE_VERSIONS, version(2, "Flood headline (old extractor) 2"));
    // The replay's generation g2: one version with the new extractor's text.
    send(Topics.ARTICLE_VERSIONS + ".g2", version(1, "Flood headline"));
    try (HistoryStore store = HistoryStore.open("jdbc:sqlite:" + Files.createDirectories(dir).resolve("h.db"))) {
      StringWriter out = new StringWriter();
      long read = HistoryRebuild.run(broker.bootstrapServers(), "g2", store.writer(), new PrintWriter(out));

      assertThat(read).isEqualTo(1);
      assertThat(store.reader().versionCount()).isEqualTo(1);
      assertThat(store.reader().article(ARTICLE).orElseThrow().title()).isEqualTo("Flood headline");

      // Without a generation it is the original topics, as before the switch.
      long original = HistoryRebuild.run(broker.bootstrapServers(), store.writer(), new PrintWriter(out));
      assertThat(original).isEqualTo(2);
      assertThat(store.reader().article(ARTICLE).orElseThrow().title()).isEqualTo("Flood headline (old extractor) 2");
    }
  }

  private void send(String topic, ArticleVersion v) throws Exception {
    ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, ARTICLE, Json.writeBytes(v));
    CloudEvents.addHeaders(rec.headers(), ARTICLE + "#" + v.version(), CloudEvents.TYPE_ARTICLE_VERSION, "/test");
    producer.send(rec).get(30, TimeUnit.SECONDS);
  }

  private static ArticleVersion version(int n, String title) {
    return new ArticleVersion(ARTICLE, ARTICLE, n, T0.plusSeconds(600L * n), title, null,
        List.of("Paragraph of version " + n + "."), "sha-" + title.hashCode(), null);
  }
}
