package io.newsdelta.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.health.BrokerCheck;
import io.newsdelta.health.Readiness;
import io.newsdelta.health.StreamsCheck;
import io.newsdelta.testsupport.TestBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management port over loopback HTTP, against a real broker and a real Kafka Streams application. */
class ManagementServerIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path stateDir;

  @Test
  void shouldAnswerNotReadyWithTheReasonUntilStreamsIsRunningThenReady() throws Exception {
    try (TestBroker broker = TestBroker.start();
        ServiceMetrics metrics = new ServiceMetrics();
        BrokerCheck reachable = new BrokerCheck(broker.bootstrapServers())) {
      String topic = "health-in-" + System.nanoTime();
      try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(java.util.List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(topic).to(topic + "-out");
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-it-" + System.nanoTime());
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
      p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
      p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
      try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
        metrics.bind("worker", streams);
        Readiness readiness = new Readiness()
            .add("kafka", reachable::notReady)
            .add("worker", () -> StreamsCheck.notReady(streams));
        try (ManagementServer server = ManagementServer.start(0, metrics::scrape, readiness)) {
          int port = server.port();
          assertThat(get(port, "/health/live")).isEqualTo("200 live\n");
          assertThat(get(port, "/health/ready"))
              .isEqualTo("503 not ready: worker: Kafka Streams is CREATED (not started yet)\n");

          streams.start();
          await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
              assertThat(get(port, "/health/ready")).isEqualTo("200 ready\n"));

          String scraped = get(port, "/metrics");
          assertThat(scraped).startsWith("200 ").contains("jvm_memory_used_bytes", "process_cpu_usage");
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
              assertThat(get(port, "/metrics")).contains("kafka_stream_alive_stream_threads", "service=\"worker\""));
          assertThat(get(port, "/nothing")).startsWith("404 ");
        }
      }
    }
  }

  @Test
  void shouldAnswerNotReadyNamingTheBrokerWhenItDoesNotAnswer() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (ServiceMetrics metrics = new ServiceMetrics();
        BrokerCheck reachable = new BrokerCheck("127.0.0.1:" + closed)) {
      Readiness readiness = new Readiness().add("kafka", reachable::notReady);
      try (ManagementServer server = ManagementServer.start(0, metrics::scrape, readiness)) {
        String ready = get(server.port(), "/health/ready");
        assertThat(ready).startsWith("503 not ready: kafka: the Kafka broker at 127.0.0.1:" + closed
            + " does not answer within 3 s").contains("check kafka.bootstrap-servers");
        assertThat(get(server.port(), "/health/live")).isEqualTo("200 live\n");
      }
    }
  }

  private static String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }
}
