package io.newsdelta.diffworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real diff worker (exactly once, its production Streams settings, two stream threads) on a real broker,
 * fed a backlog as a load run does: every raw version of the backlog becomes its version, every edit its
 * change, and the worker's committed offsets reach the end of {@code newsdelta.raw-versions} — the outcome the
 * load run waits for, so a worker that holds records back or stops committing fails here.
 */
class DiffWorkerServiceIT {
  private static final int ARTICLES = 12;

  @TempDir Path dir;
  private TestBroker broker;
  private DiffWorkerService worker;

  @BeforeEach
  void start() {
    broker = TestBroker.start();
    TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(6));
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    broker.close();
  }

  @Test
  void aBacklogIsVersionedDiffedAndCommittedToItsEnd() throws Exception {
    String servers = broker.bootstrapServers();
    List<String> ids = produceBacklog(servers);
    DiffWorkerConfig config = new DiffWorkerConfig(2, dir.resolve("state"), List.of());
    worker = new DiffWorkerService(config, servers);
    worker.start();

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        KafkaConsumer<String, String> out = committedReader(servers)) {
      Map<TopicPartition, Long> end = ends(admin);
      assertThat(end.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * ARTICLES);
      List<ConsumerRecord<String, String>> read = new ArrayList<>();
      await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        out.poll(Duration.ofMillis(200)).forEach(read::add);
        assertThat(committed(admin, config.applicationId(), end)).isEqualTo(end);
        assertThat(keys(read, Topics.ARTICLE_VERSIONS)).hasSize(2 * ARTICLES);
        assertThat(keys(read, Topics.ARTICLE_CHANGES)).hasSize(ARTICLES);
      });
      assertThat(new HashSet<>(keys(read, Topics.ARTICLE_CHANGES))).containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  @Test
  void theTextIngestCarriedIsVersionedWithoutExtractingThePageAgain() throws Exception {
    String servers = broker.bootstrapServers();
    String id = "https://news.example/uk-politics/8029999";
    String html = SeedPage.html(SeedStory.version(4), 0);
    DiffWorkerConfig config = new DiffWorkerConfig(1, dir.resolve("state"), List.of());
    // The worker's extractor for this config is the generic one; ingest names the text by that identity.
    RawVersion raw = new RawVersion(id, id, "https://news.example/rss.xml", Instant.parse("2026-01-01T00:00:00Z"),
        200, "text/html", Hashes.sha256(html), html).withText(new RawVersion.Text(
            ArticleExtractor.withRules(config.siteRules()).identity(), "Carried headline", null, null,
            List.of("The paragraph ingest extracted."), null));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW_VERSIONS, id, Json.writeBytes(raw))).get(30, TimeUnit.SECONDS);
    }
    worker = new DiffWorkerService(config, servers);
    worker.start();

    try (KafkaConsumer<String, String> out = committedReader(servers)) {
      List<ConsumerRecord<String, String>> read = new ArrayList<>();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        out.poll(Duration.ofMillis(200)).forEach(read::add);
        assertThat(keys(read, Topics.ARTICLE_VERSIONS)).containsExactly(id);
      });
      ArticleVersion version = Json.read(read.stream().filter(r -> r.topic().equals(Topics.ARTICLE_VERSIONS))
          .findFirst().orElseThrow().value(), ArticleVersion.class);
      // The page itself extracts to the seed story; the version holds what ingest carried.
      assertThat(version.title()).isEqualTo("Carried headline");
      assertThat(version.paragraphs()).containsExactly("The paragraph ingest extracted.");
    }
  }

  /** Two fetches per article (the seed story before and after its edit), all written before the worker starts. */
  private static List<String> produceBacklog(String servers) throws Exception {
    List<String> ids = new ArrayList<>();
    // One request in flight: an idempotent producer can lose records on partitions created a moment ago
    // (KAFKA-14359), which would make this test wait for records that were never written.
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer())) {
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      for (int v = 0; v < 2; v++) {
        for (int a = 0; a < ARTICLES; a++) {
          String id = "https://news.example/uk-politics/" + (8020000 + a);
          String html = SeedPage.html(SeedStory.version(4 + v), v);
          RawVersion raw = new RawVersion(id, id, "https://news.example/rss.xml", t0.plusSeconds(600L * v + a), 200,
              "text/html", Hashes.sha256(html), html);
          producer.send(new ProducerRecord<>(Topics.RAW_VERSIONS, id, Json.writeBytes(raw))).get(30, TimeUnit.SECONDS);
          if (v == 0) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  private static KafkaConsumer<String, String> committedReader(String servers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "diff-worker-it-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES));
    return c;
  }

  private static List<String> keys(List<ConsumerRecord<String, String>> records, String topic) {
    return records.stream().filter(r -> r.topic().equals(topic)).map(ConsumerRecord::key).toList();
  }

  private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < 6; p++) {
      latest.put(new TopicPartition(Topics.RAW_VERSIONS, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /** The group's committed offset per partition of {@code end} (0 where none is committed yet). */
  private static Map<TopicPartition, Long> committed(Admin admin, String group, Map<TopicPartition, Long> end)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    Set<TopicPartition> parts = end.keySet();
    for (TopicPartition tp : parts) {
      OffsetAndMetadata o = offsets.get(tp);
      out.put(tp, o == null ? 0L : o.offset());
    }
    return out;
  }
}
