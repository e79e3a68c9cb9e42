package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.app.Main;
import io.newsdelta.app.demo.SeedStory;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.extract.ExtractorVersion;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code replay} on a real broker: history rebuilt into a new generation, the originals untouched. */
class ReplayIT {
  private static final String URL = "https://news.example/uk-politics/8020039";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldRebuildVersionsAndChangesIntoANewGenerationWithProgress() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
        int[] story = {4, 4, 5, 5};
        for (int i = 0; i < story.length; i++) {
          String html = SeedStory.version(story[i]).page(URL, i + 1);
          RawVersion raw = new RawVersion(URL, URL, "https://news.example/rss.xml", T0.plusSeconds(600L * i), 200,
              "text/html", Hashes.sha256(html), html);
          producer.send(new ProducerRecord<>(Topics.RAW_VERSIONS, URL, Json.write(raw))).get();
        }
      }
      Path config = Files.writeString(dir.resolve("newsdelta.yml"),
          "diff-worker:\n  state-dir: " + dir.resolve("state") + "\n");

      int status = run("replay", "--config", config.toString(), "--bootstrap-servers", broker.bootstrapServers(),
          "--generation", "g2", "--timeout", "2m");

      assertThat(status).as(err.toString()).isZero();
      assertThat(err.toString()).contains("100% 4/4 raw versions").contains("ETA")
          .contains("diff-worker.topic-generation: g2");
      List<ArticleVersion> versions = read(broker, Topics.ARTICLE_VERSIONS + ".g2", ArticleVersion.class, 2);
      assertThat(versions).extracting(ArticleVersion::version).containsExactly(1, 2);
      assertThat(versions).extracting(ArticleVersion::extractorVersion).containsOnly(ExtractorVersion.CURRENT);
      List<ArticleChange> changes = read(broker, Topics.ARTICLE_CHANGES + ".g2", ArticleChange.class, 1);
      assertThat(changes).extracting(ArticleChange::changeId).containsExactly(URL + "#1-2");
      assertThat(read(broker, Topics.ARTICLE_VERSIONS, ArticleVersion.class, 0)).isEmpty();
      assertThat(read(broker, Topics.ARTICLE_CHANGES, ArticleChange.class, 0)).isEmpty();
    }
  }

  @Test
  void shouldRefuseToReplayIntoTheGenerationInUse() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"),
        "kafka:\n  bootstrap-servers: 127.0.0.1:1\ndiff-worker:\n  topic-generation: g2\n");

    int status = run("replay", "--config", config.toString(), "--generation", "g2");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip()).hasLineCount(1).contains("generation in use");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Every committed record of a topic, read from the beginning until {@code expected} came or 10 s passed. */
  private static <T> List<T> read(TestBroker broker, String topic, Class<T> type, int expected) {
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 3 : 10).toNanos();
      while (System.nanoTime() < deadline && (expected == 0 || values.size() < expected)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(Json.read(
            r.value().getBytes(StandardCharsets.UTF_8), type)));
      }
    }
    return values;
  }
}
