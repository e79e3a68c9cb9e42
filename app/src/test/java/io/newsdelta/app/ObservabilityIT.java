package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline on a real broker, watched from outside as an operator does: {@code /metrics} and
 * {@code /health/*} on the notifier's port over loopback HTTP, after a real fetch, version and delivery; the
 * metrics named in docs/operations.md and queried by the Grafana dashboard must be among those exposed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {
  /** A metric name in a doc table's first column or a query: our own, Kafka's, the JVM's and the process's. */
  private static final Pattern METRIC = Pattern.compile("\\b((?:newsdelta|kafka|jvm|process|system)_[a-z0-9_]+)");

  private Path dataDir;
  private TestBroker broker;
  private PipelineFixture fixture;
  private Pipeline pipeline;
  private int port;
  private Scrape scrape;

  @BeforeAll
  void runAnEditThroughThePipeline() throws Exception {
    dataDir = Files.createTempDirectory("observability-it");
    broker = TestBroker.start();
    fixture = new PipelineFixture();
    pipeline = Pipeline.start(fixture.config(broker.bootstrapServers(), dataDir));
    port = pipeline.managementPort();
    assertThat(Consume.records(broker.bootstrapServers(), Topics.ARTICLE_VERSIONS, 1, Duration.ofSeconds(60)))
        .hasSize(1);
    fixture.publish(5, 3);
    await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hook.received().size() >= 1);

    // The GC pause series appear after the first collection; a short run on a large heap may have had none.
    System.gc();
    AtomicReference<Scrape> last = new AtomicReference<>();
    // Kafka client metrics appear once the clients have connected and the binders looked again (every 5 s).
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Scrape s = Scrape.of(port);
      last.set(s);
      assertThat(s.sum("newsdelta_deliveries_total", "outcome=\"delivered\"")).isGreaterThanOrEqualTo(1);
      assertThat(s.sum("newsdelta_changes_emitted_total")).isGreaterThanOrEqualTo(1);
      assertThat(s.names()).anyMatch(n -> n.startsWith("kafka_consumer_fetch_manager_records_lag"));
      assertThat(s.names()).contains("kafka_stream_thread_process_total", "kafka_producer_record_send_total",
          "jvm_gc_pause_seconds_count");
    });
    scrape = last.get();
    Files.writeString(Path.of("target", "observability-scrape.txt"), scrape.text());
  }

  @AfterAll
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    fixture.close();
    broker.close();
  }

  @Test
  void shouldServeMetricsAndHealthOnTheNotifierPortInRun() {
    assertThat(port).isEqualTo(pipeline.notifierPort());
    assertThat(Scrape.get(port, "/health/live")).isEqualTo(new Scrape.Answer(200, "live\n"));
    assertThat(Scrape.get(port, "/healthz").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(Scrape.get(port, "/health/ready")).isEqualTo(new Scrape.Answer(200, "ready\n")));
  }

  @Test
  void shouldCountTheFetchesVersionsChangesAndDeliveryOfAnEdit() {
    Scrape s = scrape;
    assertThat(s.sum("newsdelta_feed_polls_total", "outcome=\"parsed\"")).isGreaterThanOrEqualTo(1);
    assertThat(s.sum("newsdelta_fetches_total", "outcome=\"ok\"")).isGreaterThanOrEqualTo(2);
    assertThat(s.sum("newsdelta_fetch_latency_seconds_count")).isGreaterThanOrEqualTo(2);
    assertThat(s.sum("newsdelta_fetch_latency_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(2);
    assertThat(s.sum("newsdelta_article_checks_total")).isGreaterThanOrEqualTo(1);
    assertThat(s.sum("newsdelta_article_checks_full_total")).isGreaterThanOrEqualTo(1);
    assertThat(s.names()).contains("newsdelta_article_checks_not_modified_total");
    assertThat(s.sum("newsdelta_raw_versions_published_total")).isGreaterThanOrEqualTo(2);
    assertThat(s.sum("newsdelta_versions_emitted_total", "topic=\"newsdelta.article-versions\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(s.sum("newsdelta_changes_emitted_total", "topic=\"newsdelta.article-changes\""))
        .isGreaterThanOrEqualTo(1);
    String channel = "channel=\"webhook:" + fixture.hook.url() + "\"";
    assertThat(s.sum("newsdelta_deliveries_total", channel, "outcome=\"delivered\"")).isGreaterThanOrEqualTo(1);
    assertThat(s.sum("newsdelta_delivery_attempts_total", channel, "outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
    assertThat(s.sum("newsdelta_pipeline_latency_seconds_count", channel)).isGreaterThanOrEqualTo(1);
    assertThat(s.sum("newsdelta_pipeline_latency_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldExposeKafkaClientAndJvmMetricsTaggedWithTheService() {
    Scrape s = scrape;
    assertThat(s.sum("kafka_producer_record_send_total", "service=\"ingest\"")).isGreaterThanOrEqualTo(2);
    assertThat(s.text()).contains("service=\"diff-worker\"", "service=\"stories\"", "service=\"notifier\"");
    assertThat(s.sum("kafka_stream_alive_stream_threads", "service=\"diff-worker\"")).isGreaterThanOrEqualTo(1);
    assertThat(s.names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
        "jvm_gc_pause_seconds_count");
  }

  @Test
  void shouldExposeEveryMetricTheOperationsDocNames() throws Exception {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "operations.md"))) {
      if (line.startsWith("| `")) {
        Matcher m = METRIC.matcher(line.substring(0, line.indexOf('|', 1)));
        while (m.find()) {
          documented.add(m.group(1));
        }
      }
    }
    assertThat(documented).hasSizeGreaterThan(30);
    assertThat(documented).allSatisfy(name -> assertThat(exposed(name)).as(name + " is documented").isTrue());
  }

  @Test
  void shouldExposeEveryMetricTheGrafanaDashboardQueries() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "ops", "grafana", "newsdelta.json").toFile());
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = METRIC.matcher(target.path("expr").asText());
        while (m.find()) {
          queried.add(m.group(1));
        }
      }
    }
    assertThat(queried).hasSizeGreaterThan(15);
    assertThat(queried).allSatisfy(name -> assertThat(exposed(name)).as(name + " is queried").isTrue());
  }

  /** A name the scrape has, itself or as a histogram's or summary's series. */
  private boolean exposed(String name) {
    Set<String> names = scrape.names();
    return names.contains(name) || names.contains(name + "_count") || names.contains(name + "_bucket");
  }
}
