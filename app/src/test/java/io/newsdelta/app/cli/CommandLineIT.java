package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.app.Main;
import io.newsdelta.app.demo.SeedStory;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.CountingSite;
import io.newsdelta.testsupport.LocalWebServer;
import io.newsdelta.testsupport.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user runs it, in-process, with standard output and error captured. */
class CommandLineIT {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldStopStartUpWithOneLineNamingTheBadKey() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"), "ingest:\n  feed-poll-interval: sometimes\n");

    int status = run("run", "--config", config.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip())
        .hasLineCount(1)
        .contains("ingest.feed-poll-interval")
        .contains("'sometimes'")
        .contains("30s, 5m, 2h, 7d");
  }

  @Test
  void shouldRefuseToRunOneServiceWithoutACluster() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"), "feeds: []\n");

    assertThat(run("diff-worker", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("kafka.bootstrap-servers");
  }

  @Test
  void shouldExitOneWithOneLineWhenTailCannotReachTheBroker() {
    int status = run("tail", "changes", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "5s");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString().strip()).hasLineCount(1).contains("cannot reach Kafka at 127.0.0.1:1");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldPrintEventsAsJsonLinesAndStopAfterMax() throws Exception {
    try (TestBroker broker = TestBroker.start();
        KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      for (int i = 1; i <= 3; i++) {
        producer.send(new ProducerRecord<>(Topics.ARTICLE_CHANGES, "a" + i, "{\"changeId\":\"c" + i + "\"}")).get();
      }

      int status = run("tail", "changes", "--bootstrap-servers", broker.bootstrapServers(),
          "--from-beginning", "--max", "2", "--timeout", "30s");

      assertThat(status).isZero();
      assertThat(out.toString().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"changeId\":\"c"));
    }
  }

  @Test
  void shouldExitZeroWhenTheTimeoutPassesWithoutEvents() {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(1));

      int status = run("tail", "versions", "--bootstrap-servers", broker.bootstrapServers(), "--timeout", "2s");

      assertThat(status).isZero();
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void shouldWaitForATopicThatDoesNotExistYetAndSaySoInOneLine() {
    try (TestBroker broker = TestBroker.start()) {
      int status = run("tail", "versions", "--bootstrap-servers", broker.bootstrapServers(), "--timeout", "3s");

      assertThat(status).isZero();
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).contains("waiting for topic " + Topics.ARTICLE_VERSIONS)
          .contains("does not exist yet").doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void shouldPrintHelpForEveryCommandInsteadOfComplainingAboutMissingParameters() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      out.getBuffer().setLength(0);

      int status = run(command, "--help");

      assertThat(status).as(command + " --help").isZero();
      assertThat(out.toString()).as(command + " --help").contains("Usage: newsdelta " + command);
    }
    out.getBuffer().setLength(0);
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("newsdelta 0.1.0");
  }

  @Test
  void shouldRefuseToExtractFromAnInternalAddressUnlessTheConfigurationAllowsIt() throws Exception {
    try (CountingSite site = CountingSite.start()) {
      site.serve("/admin", CountingSite.Page.html("<p>internal</p>"));

      int status = run("extract", site.url("/admin").toString());

      assertThat(status).isEqualTo(1);
      assertThat(Json.read(out.toString().strip(), JsonNode.class).get("error").asText())
          .contains("resolves to 127.0.0.1, a loopback address", "network.allow");
      assertThat(site.requests()).isEmpty();
    }
  }

  @Test
  void shouldExtractEachSourceAsOneJsonLineInInputOrder() throws Exception {
    Path v4 = Files.writeString(dir.resolve("v4.html"), SeedStory.version(4).page("https://news.example/a", 1));
    Path missing = dir.resolve("missing.html");
    try (LocalWebServer site = LocalWebServer.start()) {
      site.serve("/v5", "text/html; charset=utf-8", SeedStory.version(5).page("https://news.example/a", 2));
      String url = site.url("/v5").toString();

      String gone = site.url("/gone").toString();

      Path loopbackAllowed = Files.writeString(dir.resolve("allow.yml"), "network:\n  allow: [127.0.0.0/8]\n");

      int status = run("extract", "--config", loopbackAllowed.toString(), v4.toString(), missing.toString(), url, gone);

      List<JsonNode> lines = out.toString().lines().map(l -> Json.read(l, JsonNode.class)).toList();
      assertThat(status).isEqualTo(1);
      assertThat(lines).hasSize(4);
      assertThat(lines.get(3).get("error").asText()).contains(gone).contains("404");
      assertThat(lines.get(0).get("source").asText()).isEqualTo(v4.toString());
      assertThat(lines.get(0).get("title").asText()).isEqualTo("Phone and email tracking plan due");
      assertThat(lines.get(0).get("paragraphs")).hasSize(SeedStory.version(4).paragraphs().size());
      assertThat(lines.get(0).toString()).doesNotContain("Most read", "Holiday offers", "cookies");
      assertThat(lines.get(1).get("error").asText()).contains("no such file");
      assertThat(lines.get(2).get("source").asText()).isEqualTo(url);
      assertThat(lines.get(2).get("title").asText()).isEqualTo("Plan to monitor all internet use");
    }
  }

  @Test
  void shouldApplyTheSiteRulesOfTheConfigurationAndSayWhichRuleWasUsed() throws Exception {
    Path page = Files.writeString(dir.resolve("page.html"), SeedStory.version(4).page("https://news.example/a", 1));
    Path config = Files.writeString(dir.resolve("newsdelta.yml"),
        "extract:\n  sites:\n    - host: news.example\n      body: div.story-body\n      drop: [\"p.date\", \"h2\"]\n");

    int status = run("extract", "--config", config.toString(), page.toString());

    JsonNode line = Json.read(out.toString().strip(), JsonNode.class);
    assertThat(status).isZero();
    assertThat(line.get("method").asText()).isEqualTo("site-rule:news.example");
    assertThat(line.get("paragraphs").toString()).doesNotContain("Current model").contains("Plans to track all e-mails");
  }

  private static KafkaProducer<String, String> producer(String servers) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer());
  }
}
