package io.newsdelta.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback web server that watches how it is fetched: every request's path, start time and headers, the
 * most requests it ever had in flight at once, and the smallest gap between the starts of two requests. Pages
 * can answer slowly (a delay before the response), with any status, headers and bytes (gzip, Retry-After …),
 * and with {@code 304} when the request's If-None-Match matches their ETag. For politeness tests: the server
 * counts, so the test proves what the client did rather than what it says it did.
 *
 * <pre>{@code
 * try (CountingSite site = CountingSite.start()) {
 *   site.serve("/a", CountingSite.Page.html("<html>…</html>").withDelay(50));
 *   …
 *   assertThat(site.maxInFlight()).isLessThanOrEqualTo(2);
 * }
 * }</pre>
 */
public final class CountingSite implements AutoCloseable {
  /**
   * What a path answers.
   *
   * @param status the HTTP status
   * @param headers response headers
   * @param body the bytes sent
   * @param delayMs how long the server waits before answering
   */
  public record Page(int status, Map<String, String> headers, byte[] body, long delayMs) {
    /** An HTML page with status 200. */
    public static Page html(String html) {
      return of(200, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Any status, Content-Type (null: none) and bytes. */
    public static Page of(int status, String contentType, byte[] body) {
      return new Page(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body, 0);
    }

    /** This page answering {@code ms} later. */
    public Page withDelay(long ms) {
      return new Page(status, headers, body, ms);
    }

    /** This page with one more response header. */
    public Page withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Page(status, Map.copyOf(h), body, delayMs);
    }
  }

  /**
   * One request as received.
   *
   * @param path the path
   * @param startNanos {@link System#nanoTime()} when it arrived
   * @param headers its headers, names lower-cased
   */
  public record Request(String path, long startNanos, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private CountingSite(String address) {
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "counting-site");
      t.setDaemon(true);
      return t;
    });
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 100);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start a loopback HTTP server on " + address, e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A site on 127.0.0.1 and a free port. */
  public static CountingSite start() {
    return new CountingSite("127.0.0.1");
  }

  /** A site on another loopback address (127.0.0.2 …), which clients see as another host. */
  public static CountingSite start(String loopbackAddress) {
    if (!loopbackAddress.startsWith("127.")) {
      throw new IllegalArgumentException("loopback addresses only: " + loopbackAddress);
    }
    return new CountingSite(loopbackAddress);
  }

  /** The absolute URL of {@code path}. */
  public URI url(String path) {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + path);
  }

  /** Serves {@code page} at {@code path} from now on; unknown paths answer 404. */
  public void serve(String path, Page page) {
    pages.put(path, page);
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests for {@code path} so far. */
  public List<Request> requests(String path) {
    return requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The most requests in flight at once so far. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** The smallest time between the starts of two consecutive requests (of those whose path starts so). */
  public long minGapMillis(String pathPrefix) {
    List<Request> rs = requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    long min = Long.MAX_VALUE;
    for (int i = 1; i < rs.size(); i++) {
      min = Math.min(min, rs.get(i).startNanos() - rs.get(i - 1).startNanos());
    }
    return min == Long.MAX_VALUE ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(min);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(path, System.nanoTime(), LoopbackHttp.lowerCased(exchange.getRequestHeaders())));
        Page page = pages.get(path);
        if (page == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        if (page.delayMs() > 0) {
          try {
            Thread.sleep(page.delayMs()); // the site's own latency, not a test waiting
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        String etag = page.headers().get("ETag");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (etag != null && etag.equals(ifNoneMatch)) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        boolean noBody = page.body().length == 0 || page.status() == 304 || page.status() == 204;
        exchange.sendResponseHeaders(page.status(), noBody ? -1 : page.body().length);
        if (!noBody) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body());
          }
        }
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }
}
