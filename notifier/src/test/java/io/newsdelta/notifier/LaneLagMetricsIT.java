package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.HistoryConfig;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lanes' gauges on {@code /metrics}: a dead endpoint's lane shows its changes pending (retrying) and as lag,
 * while the live endpoint's lane, having delivered them, shows none.
 */
class LaneLagMetricsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldShowTheDeadEndpointsChangesAsPendingAndLagWhileTheLiveOnesAreCaughtUp() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + deadPort + "/hook");
    try (TestBroker broker = TestBroker.start();
        WebhookReceiver hook = WebhookReceiver.start();
        ServiceMetrics metrics = new ServiceMetrics()) {
      Fixtures.createTopics(broker.bootstrapServers());
      // Many attempts a minute apart: the dead endpoint's changes stay pending for the whole test.
      try (NotifierService notifier = new NotifierService(Fixtures.config(10, Duration.ofMinutes(1), hook.url(), dead),
          new HistoryConfig("jdbc:sqlite:" + Files.createTempDirectory("notifier-lag").resolve("history.db")),
          broker.bootstrapServers(), List.of(), metrics, null, AddressPolicy.WITH_LOOPBACK)) {
        notifier.start();
        int port = notifier.httpPort();
        try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
          for (int i = 0; i < 3; i++) {
            producer.send(Fixtures.change("https://news.example/lag" + i, 1, 2));
          }
        }
        String live = "channel=\"webhook:" + hook.url() + "\"";
        String gone = "channel=\"webhook:" + dead + "\"";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          String scraped = get(port);
          assertThat(hook.received()).hasSize(3);
          assertThat(value(scraped, "newsdelta_notifier_lane_pending", gone)).isEqualTo(3);
          assertThat(value(scraped, "newsdelta_notifier_lane_lag", gone)).isEqualTo(3);
          assertThat(value(scraped, "newsdelta_notifier_lane_pending", live)).isEqualTo(0);
          assertThat(value(scraped, "newsdelta_notifier_lane_lag", live)).isEqualTo(0);
        });
      }
    }
  }

  /** The value of the one sample of {@code name} whose labels contain {@code label}; -1 when none. */
  private static double value(String scraped, String name, String label) {
    Matcher m = Pattern.compile("^" + name + "\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE).matcher(scraped);
    while (m.find()) {
      if (m.group(1).contains(label)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return -1;
  }

  private static String get(int port) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
