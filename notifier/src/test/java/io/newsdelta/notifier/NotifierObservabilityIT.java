package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.HistoryConfig;
import io.newsdelta.health.Readiness;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notifier's port in a process with metrics: {@code /metrics} counts deliveries by channel and outcome (a
 * dead-lettered change and a delivered one), and {@code /health/ready} carries the process's other reasons.
 */
class NotifierObservabilityIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldCountDeliveredAndDeadLetteredChangesAndAnswerReadinessWithTheProcesssReasons() throws Exception {
    try (TestBroker broker = TestBroker.start();
        WebhookReceiver hook = WebhookReceiver.start();
        ServiceMetrics metrics = new ServiceMetrics()) {
      Fixtures.createTopics(broker.bootstrapServers());
      AtomicReference<Optional<String>> worker = new AtomicReference<>(Optional.of("Kafka Streams is REBALANCING"));
      Readiness readiness = new Readiness().add("diff-worker", worker::get);
      hook.failNext(1, 500);
      try (NotifierService notifier = new NotifierService(Fixtures.config(1, Duration.ZERO, hook.url()),
          new HistoryConfig("jdbc:sqlite:" + Files.createTempDirectory("notifier-obs").resolve("history.db")),
          broker.bootstrapServers(), List.of(), metrics, readiness, AddressPolicy.WITH_LOOPBACK)) {
        notifier.start();
        int port = notifier.httpPort();
        try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
          producer.send(Fixtures.change("https://news.example/a", 1, 2));
          producer.send(Fixtures.change("https://news.example/b", 1, 2));
        }
        String channel = "channel=\"webhook:" + hook.url() + "\"";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          String scraped = get(port, "/metrics").body();
          assertThat(value(scraped, "newsdelta_deliveries_total", channel, "outcome=\"dead_lettered\"")).isEqualTo(1);
          assertThat(value(scraped, "newsdelta_deliveries_total", channel, "outcome=\"delivered\"")).isEqualTo(1);
          assertThat(value(scraped, "newsdelta_delivery_attempts_total", channel, "outcome=\"failed\"")).isEqualTo(1);
          assertThat(value(scraped, "newsdelta_pipeline_latency_seconds_count", channel)).isEqualTo(1);
        });
        assertThat(get(port, "/metrics").headers().firstValue("content-type")).contains(ServiceMetrics.CONTENT_TYPE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          HttpResponse<String> ready = get(port, "/health/ready");
          assertThat(ready.statusCode()).isEqualTo(503);
          assertThat(ready.body()).isEqualTo("not ready: diff-worker: Kafka Streams is REBALANCING\n");
        });
        worker.set(Optional.empty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(get(port, "/health/ready").body()).isEqualTo("ready\n"));
        assertThat(get(port, "/healthz").body()).isEqualTo("ok");
      }
    }
  }

  /** The value of the one sample of {@code name} whose labels contain each of {@code labels}; -1 when none. */
  private static double value(String scraped, String name, String... labels) {
    Pattern sample = Pattern.compile("^" + name + "\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);
    Matcher m = sample.matcher(scraped);
    while (m.find()) {
      boolean all = true;
      for (String l : labels) {
        all &= m.group(1).contains(l);
      }
      if (all) {
        return Double.parseDouble(m.group(2));
      }
    }
    return -1;
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
