package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.app.Main;
import io.newsdelta.events.ArticleVersion;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code history rebuild} as a user runs it, against a real broker and a real SQLite file. */
class HistoryCommandIT {
  @TempDir Path dir;

  @Test
  void shouldRebuildTheStoreFromTheTopicsWithProgressOnStandardError() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
          new StringSerializer(), new ByteArraySerializer())) {
        for (int n = 1; n <= 3; n++) {
          ArticleVersion v = new ArticleVersion("https://news.example/a", "https://news.example/a", n,
              Instant.parse("2026-11-23T10:00:00Z").plusSeconds(60L * n), "Headline " + n, null,
              List.of("Text " + n), "sha" + n, null);
          producer.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, v.articleId(), Json.writeBytes(v)))
              .get(30, TimeUnit.SECONDS);
        }
      }
      String db = "jdbc:sqlite:" + dir.resolve("h/history.db");
      Path config = Files.writeString(dir.resolve("newsdelta.yml"),
          "kafka:\n  bootstrap-servers: " + broker.bootstrapServers() + "\nhistory:\n  database-url: " + db + "\n");
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));

      int status = cli.execute("history", "rebuild", "--config", config.toString());

      assertThat(status).as(err.toString()).isZero();
      assertThat(err.toString()).contains("reading 3 events").contains("history rebuild: done, 3 events read");
      try (HistoryStore store = HistoryStore.open(db)) {
        assertThat(store.reader().versionCount()).isEqualTo(3);
        assertThat(store.reader().article("https://news.example/a").orElseThrow().title()).isEqualTo("Headline 3");
      }
    }
  }

  @Test
  void shouldRefuseABadDatabaseUrlWithOneLine() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"), "history:\n  database-url: mysql://x\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("history", "rebuild", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).hasLineCount(1).contains("history.database-url").contains("jdbc:sqlite:");
  }
}
