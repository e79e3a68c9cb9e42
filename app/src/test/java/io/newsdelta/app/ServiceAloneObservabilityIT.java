package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.app.pipeline.Service;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.config.ObservabilityConfig;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service alone serves metrics and health on its management port; {@code management.port: -1} serves none. */
class ServiceAloneObservabilityIT {
  @TempDir Path dataDir;

  @Test
  void shouldServeIngestsMetricsAndReadinessOnTheManagementPort() {
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture();
        Pipeline ingest = Pipeline.start(fixture.config(broker.bootstrapServers(), dataDir), EnumSet.of(Service.INGEST))) {
      int port = ingest.managementPort();
      assertThat(port).isPositive().isNotEqualTo(ingest.notifierPort());
      assertThat(Scrape.get(port, "/health/live")).isEqualTo(new Scrape.Answer(200, "live\n"));
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(Scrape.get(port, "/health/ready")).isEqualTo(new Scrape.Answer(200, "ready\n")));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Scrape s = Scrape.of(port);
        assertThat(s.sum("newsdelta_feed_polls_total", "outcome=\"parsed\"")).isGreaterThanOrEqualTo(1);
        assertThat(s.sum("newsdelta_raw_versions_published_total")).isGreaterThanOrEqualTo(1);
        assertThat(s.sum("kafka_producer_record_send_total", "service=\"ingest\"")).isGreaterThanOrEqualTo(1);
        assertThat(s.names()).contains("jvm_memory_used_bytes").doesNotContain("newsdelta_deliveries_total");
      });
    }
  }

  @Test
  void shouldFailReadinessWithTheReasonWhileAFeedIsFailingAndClearWhenItIsRemoved() throws Exception {
    String dead;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + closed.getLocalPort() + "/dead.xml";
    }
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture();
        Pipeline ingest = Pipeline.start(fixture.config(broker.bootstrapServers(), dataDir,
            "  - url: " + dead + "\n", "  failing-after: 1ms\n"), EnumSet.of(Service.INGEST))) {
      int port = ingest.managementPort();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        Scrape.Answer ready = Scrape.get(port, "/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("ingest-health: 1 feeds failing (" + dead + ")");
      });
      assertThat(Scrape.get(port, "/health/live").status()).isEqualTo(200);

      new io.newsdelta.ingest.registry.RegistryClient(broker.bootstrapServers(), Duration.ofSeconds(30)).remove(dead);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(Scrape.get(port, "/health/ready")).isEqualTo(new Scrape.Answer(200, "ready\n")));
    }
  }

  @Test
  void shouldServeNothingWhenTheManagementPortIsOff() {
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture()) {
      NewsdeltaConfig c = fixture.config(broker.bootstrapServers(), dataDir);
      NewsdeltaConfig off = new NewsdeltaConfig(c.kafka(), c.ingest(), c.diffWorker(), c.notifier(), c.stories(),
          c.history(), new ObservabilityConfig(-1, "text"), c.network());
      try (Pipeline worker = Pipeline.start(off, EnumSet.of(Service.DIFF_WORKER))) {
        assertThat(worker.managementPort()).isEqualTo(-1);
        await().atMost(Duration.ofSeconds(60)).until(() -> worker.readiness().notReady().isEmpty());
      }
    }
  }
}
