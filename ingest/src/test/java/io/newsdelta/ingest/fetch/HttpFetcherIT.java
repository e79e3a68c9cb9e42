package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.ingest.fetch.FetchException.Reason;
import io.newsdelta.ingest.host.HostGate;
import io.newsdelta.ingest.host.HostLimits;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.CountingSite;
import io.newsdelta.testsupport.LocalWebServer;
import java.util.List;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server (and a socket that never answers). */
class HttpFetcherIT {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private final HttpFetcher fetcher =
      HttpFetcher.builder().addressPolicy(AddressPolicy.WITH_LOOPBACK)
          .userAgent("newsdelta-it")
          .timeout(Duration.ofSeconds(1))
          .maxBytes(1000)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
  private LocalWebServer web;

  @BeforeEach
  void start() {
    web = LocalWebServer.start();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void shouldLetEveryHopThroughItsHostsGateRedirectsToAnotherHostIncluded() {
    // Host A redirects to pages of host B, which is also fetched directly; B allows one request at a time, 150 ms
    // apart. Six fetches at once: the direct ones and the redirect hops share B's limit.
    try (CountingSite a = CountingSite.start("127.0.0.4"); CountingSite b = CountingSite.start("127.0.0.5");
        HostGate gate = new HostGate(new HostLimits(4, Duration.ZERO,
            List.of(new IngestConfig.HostLimit("127.0.0.5", 1, Duration.ofMillis(150)))))) {
      List<CompletableFuture<FetchedResponse>> fetches = new ArrayList<>();
      HttpFetcher gated = HttpFetcher.builder().addressPolicy(AddressPolicy.WITH_LOOPBACK).hostGate(gate)
          .timeout(Duration.ofSeconds(1)).build();
      for (int i = 0; i < 6; i++) {
        b.serve("/page/" + i, CountingSite.Page.html("<p>page " + i + "</p>").withDelay(50));
        if (i % 2 == 0) {
          a.serve("/r/" + i, CountingSite.Page.of(302, null, new byte[0])
              .withHeader("Location", b.url("/page/" + i).toString()));
          fetches.add(gated.fetch(a.url("/r/" + i), Map.of(), ContentTypes::isHtml));
        } else {
          fetches.add(gated.fetch(b.url("/page/" + i), Map.of(), ContentTypes::isHtml));
        }
      }
      // Six hops to B, 150 ms apart: about 750 ms of waiting, none of it counted against the 1 s timeout.
      fetches.forEach(f -> assertThat(f.join().status()).isEqualTo(200));

      assertThat(b.requests()).hasSize(6);
      assertThat(b.maxInFlight()).isEqualTo(1);
      assertThat(b.minGapMillis("/")).isGreaterThanOrEqualTo(100);
      assertThat(gate.seen("127.0.0.5").maxInFlight()).isEqualTo(1);
      assertThat(gate.seen("127.0.0.5").minGap()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
      assertThat(a.requests()).hasSize(3);
    }
  }

  @Test
  void shouldSendTheUserAgentAndExtraHeadersAndFollowRedirects() throws Exception {
    web.redirect("/old", web.url("/new").toString());
    web.serve("/new", "text/html; charset=utf-8", "<p>moved</p>", "e1");

    FetchedResponse response = fetcher.get(web.url("/old"), Map.of("Accept-Language", "en"), ContentTypes::isHtml);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.uri()).isEqualTo(web.url("/new"));
    assertThat(response.redirectStatus()).as("the first redirect's status, for moves").isEqualTo(301);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<p>moved</p>");
    assertThat(response.etag()).isEqualTo("\"e1\"");
    assertThat(response.receivedAt()).isEqualTo(NOW);
    assertThat(web.lastRequestHeaders("/new"))
        .containsEntry("user-agent", "newsdelta-it")
        .containsEntry("accept-language", "en");
  }

  @Test
  void shouldReturnNotModifiedForAMatchingConditionalRequest() throws Exception {
    web.serve("/rss", "application/rss+xml", "<rss/>", "v1");

    FetchedResponse response = fetcher.get(web.url("/rss"), Map.of("If-None-Match", "\"v1\""), t -> true);

    assertThat(response.notModified()).isTrue();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void shouldFailWithTheStatusOfAnErrorResponse() {
    web.serve("/broken", 500, "text/plain", "oops");

    assertThatThrownBy(() -> fetcher.get(web.url("/broken"), Map.of(), t -> true))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.uri()).isEqualTo(web.url("/broken"));
        });
  }

  @Test
  void shouldRefuseABodyOverTheLimit() {
    web.serve("/big", "text/html", "x".repeat(1001));

    assertThatThrownBy(() -> fetcher.get(web.url("/big"), Map.of(), ContentTypes::isHtml))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void shouldTakeABodyExactlyAtTheLimit() throws Exception {
    web.serve("/edge", "text/html", "x".repeat(1000));

    assertThat(fetcher.get(web.url("/edge"), Map.of(), ContentTypes::isHtml).body()).hasSize(1000);
  }

  @Test
  void shouldRefuseAContentTypeTheCallerDoesNotTake() {
    web.serveBytes("/doc.pdf", 200, "application/pdf", new byte[] {'%', 'P', 'D', 'F'});

    assertThatThrownBy(() -> fetcher.get(web.url("/doc.pdf"), Map.of(), ContentTypes::isHtml))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNACCEPTED_CONTENT_TYPE);
          assertThat(e.contentType()).isEqualTo("application/pdf");
        });
  }

  @Test
  void shouldCallAClosedPortUnreachable() {
    URI closed = web.url("/rss");
    web.close();

    assertThatThrownBy(() -> fetcher.get(closed, Map.of(), t -> true))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
          assertThat(e.detail()).isEqualTo("connection refused");
        });
  }

  @Test
  void shouldGiveUpOnAServerThatNeverAnswersWithinTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> holdConnection(silent), "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
      URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/rss");
      long started = System.nanoTime();

      assertThatThrownBy(() -> fetcher.get(url, Map.of(), t -> true))
          .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  private static void holdConnection(ServerSocket server) {
    try (Socket ignored = server.accept()) {
      ignored.getInputStream().readAllBytes(); // reads the request, never answers, until the test closes
    } catch (IOException e) {
      // the test closed the server
    }
  }

  @Test
  void shouldSendNothingToAnAddressThePolicyRefuses() {
    try (CountingSite internal = CountingSite.start()) {
      internal.serve("/admin", CountingSite.Page.html("<p>internal</p>"));
      HttpFetcher publicOnly = HttpFetcher.builder().timeout(Duration.ofSeconds(1)).build();

      assertThatThrownBy(() -> publicOnly.get(internal.url("/admin"), Map.of(), ContentTypes::isHtml))
          .isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.ADDRESS_REFUSED);
            assertThat(e.getMessage()).contains("resolves to 127.0.0.1, a loopback address", "network.allow");
          });
      assertThat(internal.requests()).isEmpty();
    }
  }

  @Test
  void shouldCheckEveryRedirectAgainstThePolicyBeforeFollowingIt() {
    try (CountingSite internal = CountingSite.start("127.0.0.2")) {
      internal.serve("/latest/meta-data/", CountingSite.Page.html("<p>secret</p>"));
      web.redirect("/story", internal.url("/latest/meta-data/").toString());
      HttpFetcher onlyTheSite = HttpFetcher.builder().timeout(Duration.ofSeconds(1))
          .addressPolicy(new AddressPolicy(List.of("127.0.0.1/32"))).build();

      assertThatThrownBy(() -> onlyTheSite.get(web.url("/story"), Map.of(), ContentTypes::isHtml))
          .isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.ADDRESS_REFUSED);
            assertThat(e.getMessage()).contains("127.0.0.2");
          });
      assertThat(web.hits("/story")).isEqualTo(1);
      assertThat(internal.requests()).isEmpty();
    }
  }
}
