package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.WebSubTestHub.Request;
import io.newsdelta.ingest.WebSubTestHub.Verification;
import io.newsdelta.ingest.websub.WebSubSubscriber;
import io.newsdelta.net.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WebSub against a hub written for the test (loopback), a real broker and the real IngestService: subscription and
 * verification of intent, a signed push is an immediate poll (and a new raw version), forged or unsigned pushes are
 * ignored, leases are renewed, a 410 or a denial leaves the feed on its normal polling, removal unsubscribes.
 */
class WebSubIT {
  private static final Duration SLOW = Duration.ofHours(1);

  @RegisterExtension final IngestTestSite site = new IngestTestSite();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebSubTestHub hub;
  private int callbackPort;

  @BeforeEach
  void startHub() throws IOException {
    hub = WebSubTestHub.start();
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      callbackPort = free.getLocalPort();
    }
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  @Test
  void shouldPollAtOnceOnASignedPushAndNeverOnAForgedOne() throws Exception {
    URI first = article("/news/first", "Budget day", "The chancellor rose at noon.");
    URI second = article("/news/second", "Budget reaction", "The markets took it calmly.");
    hub.serveFeed(true, first); // the hub named in a Link header

    // Normal and WebSub polling both an hour apart: after the first poll, only a push can make another.
    try (IngestService ingest = service(SLOW, SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(hub::subscribed);
      Request subscribe = hub.requests().get(0);
      assertThat(subscribe.mode()).isEqualTo("subscribe");
      assertThat(subscribe.topic()).isEqualTo(hub.topic().toString());
      assertThat(subscribe.callback())
          .isEqualTo(base() + "/websub/" + WebSubSubscriber.idOf(hub.feedUrl()));
      assertThat(subscribe.leaseSeconds()).isEqualTo("3600");
      assertThat(subscribe.secret()).hasSizeGreaterThanOrEqualTo(32);
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(first.toString())).size() == 1);
      int polls = hub.feedHits();
      assertThat(polls).isEqualTo(1);

      hub.serveFeed(true, first, second);
      assertThat(hub.forge()).isBetween(200, 299);
      assertThat(hub.unsigned()).isBetween(200, 299);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> hub.feedHits() == polls);

      assertThat(hub.publish()).isBetween(200, 299);
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), ArticleIds.of(second.toString())).size() == 1);
      assertThat(hub.feedHits()).isEqualTo(polls + 1);
    }
  }

  @Test
  void shouldEchoTheChallengeOnlyForTheTopicAndModeItAskedFor() throws Exception {
    hub.serveFeed(false, article("/news/verify", "Verified", "Only our own topic."));

    try (IngestService ingest = service(SLOW, SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(hub::subscribed);
      URI callback = hub.callback();

      assertThat(get(callback, "subscribe", "http://127.0.0.1:1/other-topic", "c1").statusCode()).isEqualTo(404);
      assertThat(get(callback, "unsubscribe", hub.topic().toString(), "c2").statusCode()).isEqualTo(404);
      URI unknown = URI.create(base() + "/websub/" + WebSubSubscriber.idOf(URI.create("http://127.0.0.1/nope")));
      assertThat(get(unknown, "subscribe", hub.topic().toString(), "c3").statusCode()).isEqualTo(404);
      HttpResponse<String> again = get(callback, "subscribe", hub.topic().toString(), "c4");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo("c4");
      HttpResponse<String> pushToUnknown = http.send(HttpRequest.newBuilder(unknown)
          .POST(HttpRequest.BodyPublishers.ofString("<rss/>")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(pushToUnknown.statusCode()).isEqualTo(410);
    }
    assertThat(hub.verifications()).first().satisfies(v -> assertThat(v.echoed()).isTrue());
  }

  @Test
  void shouldRenewTheLeaseBeforeItEndsAndPollSlowlyWhileSubscribed() {
    hub.grantLease(2);
    hub.serveFeed(false, article("/news/renewed", "Renewed", "The lease is short.")); // hub named in the document

    // Polls every 300 ms without a subscription, every hour with one.
    try (IngestService ingest = service(Duration.ofMillis(300), SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(() -> subscribes().size() >= 3);
      List<Request> subscribes = subscribes();
      assertThat(subscribes).extracting(Request::secret).containsOnly(subscribes.get(0).secret());
      assertThat(subscribes).extracting(Request::callback).containsOnly(subscribes.get(0).callback());
      assertThat(hub.verifications()).allSatisfy(v -> assertThat(v.echoed()).isTrue());
      int polls = hub.feedHits();
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> hub.feedHits() == polls);
    }
  }

  @Test
  void shouldKeepPollingWhenTheHubAnswers410() {
    hub.policy(WebSubTestHub.Policy.GONE);
    hub.serveFeed(true, article("/news/gone", "Gone hub", "The hub has closed."));

    try (IngestService ingest = service(Duration.ofMillis(300), SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(() -> errors("websub-hub-gone").size() == 1);
      await().atMost(WAIT).until(() -> hub.feedHits() >= 5);
    }
    assertThat(hub.requests()).hasSize(1);
    assertThat(hub.subscribed()).isFalse();
    assertThat(errors("websub-hub-gone").get(0).message()).contains("410").contains(hub.hubUrl().toString());
  }

  @Test
  void shouldKeepPollingWhenTheHubDeniesTheSubscription() {
    hub.policy(WebSubTestHub.Policy.DENY);
    hub.serveFeed(false, article("/news/denied", "Denied", "The hub says no."));

    try (IngestService ingest = service(Duration.ofMillis(300), SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(() -> errors("websub-denied").size() == 1);
      int polls = hub.feedHits();
      await().atMost(WAIT).until(() -> hub.feedHits() >= polls + 4);
    }
    assertThat(hub.requests()).hasSize(1);
    assertThat(errors("websub-denied").get(0).message()).contains("this hub takes no subscriptions from tests");
  }

  @Test
  void shouldUnsubscribeWhenTheFeedIsRemovedFromTheRegistry() {
    hub.serveFeed(false, article("/news/removed", "Removed", "The feed goes away."));

    try (IngestService ingest = service(SLOW, SLOW)) {
      ingest.start();
      await().atMost(WAIT).until(hub::subscribed);
      String callback = hub.requests().get(0).callback();

      Fixtures.unregister(site.bootstrap(), hub.feedUrl());
      await().atMost(WAIT).until(() -> hub.verifications().stream()
          .anyMatch(v -> v.mode().equals("unsubscribe") && v.echoed()));
      assertThat(hub.requests()).filteredOn(r -> r.mode().equals("unsubscribe")).singleElement()
          .satisfies(r -> {
            assertThat(r.topic()).isEqualTo(hub.topic().toString());
            assertThat(r.callback()).isEqualTo(callback);
          });
      // Unsubscribed: a late delivery is answered 410, so the hub drops whatever it still holds.
      assertThat(hub.publish()).isEqualTo(410);
    }
    assertThat(hub.verifications()).extracting(Verification::mode).containsExactly("subscribe", "unsubscribe");
  }

  @Test
  void shouldStopStartUpWithOneLineWhenTheCallbackPortIsTaken() throws IOException {
    hub.serveFeed(true, article("/news/port", "Port", "Taken."));
    try (ServerSocket taken = new ServerSocket(callbackPort, 1, InetAddress.getByName("127.0.0.1"));
        IngestService ingest = service(SLOW, SLOW)) {
      assertThatThrownBy(ingest::start).isInstanceOf(NewsdeltaException.class)
          .hasMessageContaining("cannot serve WebSub callbacks on 127.0.0.1:" + callbackPort)
          .hasMessageContaining("ingest.websub.port");
    }
    assertThat(hub.feedHits()).isZero();
  }

  private IngestService service(Duration feedPoll, Duration websubPoll) {
    IngestConfig config = config(List.of(hub.feedUrl()), feedPoll, Duration.ofHours(1))
        .withWebSub(new IngestConfig.WebSub(URI.create(base()), "127.0.0.1", callbackPort, SLOW, websubPoll));
    return new IngestService(config, site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK);
  }

  private String base() {
    return "http://127.0.0.1:" + callbackPort;
  }

  private URI article(String path, String headline, String paragraph) {
    site.web().serve(path, "text/html; charset=utf-8", page(headline, paragraph));
    return site.web().url(path);
  }

  private List<Request> subscribes() {
    return hub.requests().stream().filter(r -> r.mode().equals("subscribe")).toList();
  }

  private List<IngestError> errors(String kind) {
    return readAll(site.bootstrap(), Topics.INGEST_ERRORS).stream()
        .map(r -> Json.read(r.value(), IngestError.class))
        .filter(e -> hub.feedUrl().toString().equals(e.feedUrl()) && kind.equals(e.kind()))
        .toList();
  }

  private HttpResponse<String> get(URI callback, String mode, String topic, String challenge) throws Exception {
    URI uri = URI.create(callback + "?hub.mode=" + mode + "&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
        + "&hub.challenge=" + challenge + "&hub.lease_seconds=3600");
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
