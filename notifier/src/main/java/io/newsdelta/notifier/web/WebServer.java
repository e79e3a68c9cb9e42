package io.newsdelta.notifier.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.view.ArticleHistory;
import io.newsdelta.notifier.view.ArticleStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the pages over HTTP with the JDK's built-in server:
 *
 * <ul>
 *   <li>{@code /} — the tracked articles;
 *   <li>{@code /article?id=<articleId>} — one article's versions and diffs (404 when unknown);
 *   <li>{@code /api/articles} and {@code /api/article?id=<articleId>} — the same as JSON;
 *   <li>{@code /healthz} — {@code 200 ok}, or 503 once webhook delivery has stopped on an error.
 * </ul>
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final ArticleStore store;
  private final BooleanSupplier healthy;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds the server (it answers once {@link #start()} is called).
   *
   * @param healthy whether {@code /healthz} answers {@code 200 ok} (else {@code 503})
   * @throws NewsdeltaException when the address cannot be bound, naming it and the config keys to change
   */
  public WebServer(String bind, int port, ArticleStore store, BooleanSupplier healthy) {
    this.store = store;
    this.healthy = healthy;
    try {
      InetSocketAddress address =
          bind == null || bind.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(bind, port);
      this.server = HttpServer.create(address, 50);
    } catch (IOException e) {
      throw new NewsdeltaException(
          "cannot serve the notifier pages on " + bind + ":" + port + " (" + e.getMessage()
              + "); choose a free port with notifier.http.port or another address with notifier.http.bind",
          e);
    }
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "notifier-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts answering requests. */
  public void start() {
    server.start();
    LOG.info("Notifier pages at http://{}:{}/", server.getAddress().getHostString(), port());
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, TEXT, "method not allowed\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Optional<String> id = queryParam(exchange.getRequestURI().getRawQuery(), "id");
      switch (path) {
        case "/" -> send(exchange, 200, HTML, Pages.index(store.articles()));
        case "/healthz" -> {
          if (healthy.getAsBoolean()) {
            send(exchange, 200, TEXT, "ok");
          } else {
            send(exchange, 503, TEXT, "webhook delivery stopped; see the notifier log\n");
          }
        }
        case "/article" -> {
          Optional<ArticleHistory> article = id.flatMap(store::article);
          if (article.isPresent()) {
            send(exchange, 200, HTML, Pages.article(article.get()));
          } else {
            send(exchange, 404, HTML, Pages.notFound(id.orElse("")));
          }
        }
        case "/api/articles" -> send(exchange, 200, JSON, Json.write(store.articles()));
        case "/api/article" -> {
          Optional<ArticleHistory> article = id.flatMap(store::article);
          if (article.isPresent()) {
            send(exchange, 200, JSON, Json.write(article.get()));
          } else {
            send(exchange, 404, JSON, "{\"error\":\"no such article\"}");
          }
        }
        default -> send(exchange, 404, HTML, Pages.noSuchPage(path));
      }
    } catch (IllegalArgumentException e) {
      send(exchange, 400, TEXT, "bad request: " + e.getMessage() + "\n");
    } catch (RuntimeException e) {
      LOG.error("Failed to render {}", exchange.getRequestURI(), e);
      send(exchange, 500, TEXT, "internal error; see the notifier log\n");
    } finally {
      exchange.close();
    }
  }

  static Optional<String> queryParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops answering, letting requests in progress finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
