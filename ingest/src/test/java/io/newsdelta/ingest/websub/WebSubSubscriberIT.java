package io.newsdelta.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.websub.HubDiscovery.Advertisement;
import io.newsdelta.metrics.MetricNames;
import io.newsdelta.net.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriber's rules on a clock the test moves, against a loopback hub that only answers the POST (the test plays
 * the hub's verification and deliveries by calling the callback methods): failures reported once and retried after
 * {@link WebSubSubscriber#RETRY}, a lease that ends unrenewed, signatures, the address policy.
 */
class WebSubSubscriberIT {
  private static final URI FEED = URI.create("http://127.0.0.1/feed.xml");
  private static final URI TOPIC = URI.create("http://127.0.0.1/feed.xml?self");

  private final List<Map<String, String>> posts = new CopyOnWriteArrayList<>();
  private final List<IngestError> errors = new CopyOnWriteArrayList<>();
  private final List<URI> polls = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private HttpServer hub;
  private URI hubUrl;

  @BeforeEach
  void startHub() throws IOException {
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hub.createContext("/hub", ex -> {
      try (ex) {
        posts.add(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        ex.sendResponseHeaders(status.get(), -1);
      }
    });
    hub.start();
    hubUrl = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");
  }

  @AfterEach
  void stop() {
    hub.stop(0);
    timers.shutdownNow();
  }

  @Test
  void shouldReportAFailingHubOnceAndAskAgainOnlyAfterTheRetryDelay() {
    status.set(503);
    WebSubSubscriber subscriber = subscriber(AddressPolicy.WITH_LOOPBACK);

    subscriber.advertised(FEED, new Advertisement(hubUrl, TOPIC));
    await().until(() -> errors.size() == 1);
    assertThat(errors.get(0).kind()).isEqualTo("websub-subscribe-failed");
    assertThat(errors.get(0).message()).contains("HTTP 503").contains(hubUrl.toString());

    subscriber.polled(FEED);
    subscriber.advertised(FEED, new Advertisement(hubUrl, TOPIC));
    assertThat(posts).hasSize(1);

    clock.advance(WebSubSubscriber.RETRY);
    subscriber.polled(FEED);
    await().until(() -> posts.size() == 2 && hubRequests("subscribe", "failed") == 2);
    assertThat(errors).hasSize(1); // still failing: not reported again
    assertThat(subscriber.live(FEED)).isFalse();
  }

  @Test
  void shouldBeLiveFromTheVerificationUntilTheLeaseEndsAndThenAskAgain() {
    WebSubSubscriber subscriber = subscriber(AddressPolicy.WITH_LOOPBACK);
    subscriber.advertised(FEED, new Advertisement(hubUrl, TOPIC));
    await().until(() -> posts.size() == 1);
    Map<String, String> request = posts.get(0);
    assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", TOPIC.toString())
        .containsEntry("hub.callback", "https://ingest-1.example.org/websub/" + WebSubSubscriber.idOf(FEED))
        .containsEntry("hub.lease_seconds", Long.toString(Duration.ofDays(1).toSeconds()));
    assertThat(subscriber.live(FEED)).isFalse();

    String id = WebSubSubscriber.idOf(FEED);
    assertThat(subscriber.verify(id, Map.of("hub.mode", "subscribe", "hub.topic", TOPIC.toString(),
        "hub.challenge", "abc", "hub.lease_seconds", "600"))).isEqualTo(new WebSubSubscriber.Reply(200, "abc"));
    assertThat(subscriber.live(FEED)).isTrue();

    byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
    String secret = request.get("hub.secret");
    assertThat(subscriber.deliver(id, Signature.sign("sha512", "wrong", body), body).status()).isEqualTo(202);
    assertThat(subscriber.deliver(id, null, body).status()).isEqualTo(202);
    assertThat(polls).isEmpty();
    assertThat(subscriber.deliver(id, Signature.sign("sha384", secret, body), body).status()).isEqualTo(202);
    assertThat(polls).containsExactly(FEED);
    assertThat(pushes("bad_signature")).isEqualTo(1);
    assertThat(pushes("unsigned")).isEqualTo(1);
    assertThat(pushes("accepted")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(600));
    assertThat(subscriber.live(FEED)).isFalse();
    subscriber.polled(FEED);
    await().until(() -> posts.size() == 2);
    assertThat(posts.get(1).get("hub.secret")).isNotEqualTo(secret);
  }

  @Test
  void shouldNotSendAnythingToAHubTheAddressPolicyRefuses() {
    WebSubSubscriber subscriber = subscriber(AddressPolicy.PUBLIC_ONLY);

    subscriber.advertised(FEED, new Advertisement(hubUrl, TOPIC));
    await().until(() -> errors.size() == 1);
    assertThat(errors.get(0).kind()).isEqualTo("address-refused");
    assertThat(errors.get(0).message()).contains("network.allow");
    assertThat(posts).isEmpty();
  }

  @Test
  void shouldAnswer410ToDeliveriesOnceTheFeedIsReleased() {
    WebSubSubscriber subscriber = subscriber(AddressPolicy.WITH_LOOPBACK);
    subscriber.advertised(FEED, new Advertisement(hubUrl, TOPIC));
    await().until(() -> posts.size() == 1);
    String id = WebSubSubscriber.idOf(FEED);
    subscriber.verify(id, Map.of("hub.mode", "subscribe", "hub.topic", TOPIC.toString(), "hub.challenge", "x"));

    subscriber.released(FEED);

    byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
    assertThat(subscriber.deliver(id, Signature.sign("sha256", posts.get(0).get("hub.secret"), body), body).status())
        .isEqualTo(410);
    assertThat(subscriber.live(FEED)).isFalse();
    assertThat(polls).isEmpty();
  }

  private WebSubSubscriber subscriber(AddressPolicy policy) {
    IngestConfig.WebSub config = new IngestConfig.WebSub(URI.create("https://ingest-1.example.org"), "127.0.0.1", 0,
        Duration.ofDays(1), Duration.ofMinutes(15));
    return new WebSubSubscriber(config, new HubClient(policy, "newsdelta-test", Duration.ofSeconds(5)), errors::add,
        clock, timers, polls::add, meters);
  }

  private double pushes(String outcome) {
    return meters.get(MetricNames.WEBSUB_PUSHES).tag("outcome", outcome).counter().count();
  }

  private double hubRequests(String mode, String outcome) {
    var counter = meters.find(MetricNames.WEBSUB_HUB_REQUESTS).tag("mode", mode).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
