package io.newsdelta.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that serves what the test tells it to: feeds, article pages,
 * errors, redirects.
 *
 * <p>Content for a path can be replaced at any time from any thread, which is how a test publishes
 * a new version of an article. Unknown paths answer 404. A path registered without a query string
 * also answers requests for it with any query string; one registered with a query string answers
 * only that exact query.
 *
 * <p>When content was served with an ETag or a Last-Modified time, a request whose
 * {@code If-None-Match} / {@code If-Modified-Since} still matches gets {@code 304 Not Modified}, so
 * conditional GETs can be tested; {@link #hits(String)} counts every request, 304s included.
 *
 * <pre>{@code
 * try (LocalWebServer web = LocalWebServer.start()) {
 *   web.serve("/feed.xml", "application/rss+xml", rss, "v1");
 *   poll(web.url("/feed.xml"));
 *   assertThat(web.hits("/feed.xml")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class LocalWebServer implements AutoCloseable {

  private static final byte[] NOT_FOUND = "not found".getBytes(StandardCharsets.UTF_8);

  private final Map<String, Resource> resources = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> lastRequestHeaders = new ConcurrentHashMap<>();
  private final LoopbackHttp http;

  private LocalWebServer() {
    this.http = LoopbackHttp.start("local-web", this::handle);
  }

  /** Starts a server on a free loopback port, serving nothing yet. */
  public static LocalWebServer start() {
    return new LocalWebServer();
  }

  /**
   * The absolute URL of {@code path} on this server.
   *
   * @param path starts with "/", may carry a query string
   */
  public URI url(String path) {
    return URI.create(http.base() + requirePath(path));
  }

  /** Serves {@code body} with status 200. */
  public void serve(String path, String contentType, String body) {
    serve(path, 200, contentType, body);
  }

  /** Serves {@code body} with any status, e.g. 500 or 410. */
  public void serve(String path, int status, String contentType, String body) {
    put(path, Resource.text(status, contentType, body, null, null));
  }

  /**
   * Serves {@code body} with status 200 and an ETag; a request with a matching
   * {@code If-None-Match} gets 304.
   *
   * @param etag the entity tag, quoted or not ({@code v1} is sent as {@code "v1"})
   */
  public void serve(String path, String contentType, String body, String etag) {
    serve(path, contentType, body, etag, null);
  }

  /**
   * Serves {@code body} with status 200 and validators; either may be null. A request whose
   * {@code If-None-Match} matches the ETag, or (without If-None-Match) whose
   * {@code If-Modified-Since} is not before {@code lastModified}, gets 304.
   */
  public void serve(String path, String contentType, String body, String etag, Instant lastModified) {
    put(path, Resource.text(200, contentType, body, etag, lastModified));
  }

  /** Serves raw bytes, e.g. a page in windows-1252 or a gzip file. */
  public void serveBytes(String path, int status, String contentType, byte[] body) {
    put(path, new Resource(status, contentType, body.clone(), null, null, Map.of()));
  }

  /** Answers {@code path} with a {@code 301 Moved Permanently} to {@code location}. */
  public void redirect(String path, String location) {
    put(path, new Resource(301, null, new byte[0], null, null, Map.of("Location", location)));
  }

  /** How many requests reached {@code path} (any status, 304 and 404 included). */
  public int hits(String path) {
    AtomicInteger count = hits.get(requirePath(path));
    return count == null ? 0 : count.get();
  }

  /**
   * The headers of the latest request for {@code path}, names lower-cased; empty if none came.
   * Useful to check a client's User-Agent or the validators it sent.
   */
  public Map<String, String> lastRequestHeaders(String path) {
    return lastRequestHeaders.getOrDefault(requirePath(path), Map.of());
  }

  /** Stops the server; clients then get connection refused. */
  @Override
  public void close() {
    http.close();
  }

  private void put(String path, Resource resource) {
    resources.put(requirePath(path), resource);
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String withQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    String key = resources.containsKey(withQuery) ? withQuery : uri.getRawPath();
    hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    lastRequestHeaders.put(key, LoopbackHttp.lowerCased(exchange.getRequestHeaders()));

    Resource resource = resources.get(key);
    if (resource == null) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      LoopbackHttp.respond(exchange, 404, NOT_FOUND);
      return;
    }
    resource.writeHeaders(exchange.getResponseHeaders());
    if (resource.notModified(exchange.getRequestHeaders())) {
      LoopbackHttp.respond(exchange, 304, new byte[0]);
    } else {
      LoopbackHttp.respond(exchange, resource.status(), resource.body());
    }
  }

  private static String requirePath(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    return path;
  }
}
