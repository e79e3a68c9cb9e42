package io.newsdelta.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdelta.ingest.websub.Signature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small WebSub hub and publisher for the tests, on loopback: serves one feed at {@code /feed.xml} (its hub named in
 * a Link header or in the document, conditional GET on an ETag), takes subscription requests at {@code /hub}, then
 * verifies the subscriber's intent with a GET to the callback as the spec says (or denies the subscription, or
 * answers 410, as a test asks), and pushes signed or forged content to verified subscribers.
 */
final class WebSubTestHub implements AutoCloseable {
  /** One request to {@code /hub}. */
  record Request(String mode, String topic, String callback, String leaseSeconds, String secret) {}

  /** One verification of intent the hub made, and whether the subscriber echoed the challenge. */
  record Verification(String mode, String topic, int status, boolean echoed) {}

  enum Policy { VERIFY, DENY, GONE }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Verification> verifications = new CopyOnWriteArrayList<>();
  private final AtomicInteger feedHits = new AtomicInteger();
  private volatile String feedBody = "";
  private volatile int feedVersion;
  private volatile boolean hubInHeader;
  private volatile Policy policy = Policy.VERIFY;
  private volatile long grantedLeaseSeconds = -1;
  /** The callback and secret of the last verified subscription. */
  private volatile String verifiedCallback;
  private volatile String verifiedSecret;

  private WebSubTestHub(HttpServer server) {
    this.server = server;
  }

  static WebSubTestHub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebSubTestHub hub = new WebSubTestHub(server);
      server.createContext("/feed.xml", hub::feed);
      server.createContext("/hub", hub::hub);
      server.setExecutor(hub.executor);
      server.start();
      return hub;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI feedUrl() {
    return url("/feed.xml");
  }

  URI hubUrl() {
    return url("/hub");
  }

  /** The topic the feed names as its self link. */
  URI topic() {
    return url("/feed.xml?self");
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Serves an RSS feed of these articles; the hub (and self) named in a Link header, or in the document. */
  void serveFeed(boolean inHeader, URI... articles) {
    String rss = Fixtures.rss(articles);
    String links = "<atom:link rel=\"hub\" href=\"" + hubUrl() + "\"/><atom:link rel=\"self\" href=\"" + topic()
        + "\"/>";
    this.hubInHeader = inHeader;
    this.feedBody = inHeader ? rss : rss.replace("<rss version=\"2.0\">",
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">").replace("<channel>", "<channel>" + links);
    this.feedVersion++;
  }

  void policy(Policy policy) {
    this.policy = policy;
  }

  /** The lease the hub grants in its verifications (default: what the subscriber asked for). */
  void grantLease(long seconds) {
    this.grantedLeaseSeconds = seconds;
  }

  int feedHits() {
    return feedHits.get();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Verification> verifications() {
    return List.copyOf(verifications);
  }

  /** Whether a subscription was verified (the subscriber echoed the challenge). */
  boolean subscribed() {
    return verifiedSecret != null;
  }

  /** Content distribution: POSTs the feed to the verified subscriber, signed with its secret. */
  int publish() {
    return deliver(Signature.sign("sha256", verifiedSecret, feedBody.getBytes(StandardCharsets.UTF_8)));
  }

  /** A forged notification: signed with a guessed secret. */
  int forge() {
    return deliver(Signature.sign("sha256", "not-the-secret", feedBody.getBytes(StandardCharsets.UTF_8)));
  }

  /** A notification without any signature. */
  int unsigned() {
    return deliver(null);
  }

  /** The subscriber's callback as verified (for tests that call it themselves). */
  URI callback() {
    return URI.create(verifiedCallback);
  }

  private int deliver(String signature) {
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(verifiedCallback))
        .header("Content-Type", "application/rss+xml")
        .POST(HttpRequest.BodyPublishers.ofString(feedBody));
    if (signature != null) {
      post.header("X-Hub-Signature", signature);
    }
    post.header("Link", "<" + hubUrl() + ">; rel=hub, <" + topic() + ">; rel=self");
    try {
      return client.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void feed(HttpExchange ex) throws IOException {
    try (ex) {
      feedHits.incrementAndGet();
      String etag = "\"v" + feedVersion + "\"";
      if (hubInHeader) {
        ex.getResponseHeaders().add("Link", "<" + hubUrl() + ">; rel=\"hub\"");
        ex.getResponseHeaders().add("Link", "<" + topic() + ">; rel=\"self\"");
      }
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = feedBody.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void hub(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Request request = new Request(form.get("hub.mode"), form.get("hub.topic"), form.get("hub.callback"),
          form.get("hub.lease_seconds"), form.get("hub.secret"));
      requests.add(request);
      Policy now = policy;
      ex.sendResponseHeaders(now == Policy.GONE ? 410 : 202, -1);
      if (now != Policy.GONE) {
        // The spec's order: answer 202 first, verify the intent afterwards.
        executor.execute(() -> verify(request, now));
      }
    }
  }

  private void verify(Request request, Policy now) {
    String challenge = UUID.randomUUID().toString();
    Map<String, String> params = new HashMap<>();
    params.put("hub.topic", request.topic());
    if (now == Policy.DENY) {
      params.put("hub.mode", "denied");
      params.put("hub.reason", "this hub takes no subscriptions from tests");
    } else {
      params.put("hub.mode", request.mode());
      params.put("hub.challenge", challenge);
      if ("subscribe".equals(request.mode())) {
        params.put("hub.lease_seconds",
            Long.toString(grantedLeaseSeconds > 0 ? grantedLeaseSeconds : Long.parseLong(request.leaseSeconds())));
      }
    }
    StringBuilder query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    URI target = URI.create(request.callback() + (request.callback().contains("?") ? "&" : "?") + query);
    try {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      boolean echoed = answer.statusCode() / 100 == 2 && challenge.equals(answer.body());
      if (echoed && "subscribe".equals(request.mode())) {
        verifiedCallback = request.callback();
        verifiedSecret = request.secret();
      }
      verifications.add(new Verification(params.get("hub.mode"), request.topic(), answer.statusCode(), echoed));
    } catch (IOException e) {
      verifications.add(new Verification(params.get("hub.mode"), request.topic(), -1, false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
