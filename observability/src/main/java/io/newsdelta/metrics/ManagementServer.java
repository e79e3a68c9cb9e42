package io.newsdelta.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdelta.health.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small HTTP server of a service that runs without the notifier's web server ({@code ingest},
 * {@code diff-worker}, {@code stories} alone): {@code /metrics} (Prometheus), {@code /health/live} and
 * {@code /health/ready}. The JDK's own server: three read-only paths need no framework.
 */
public final class ManagementServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private ManagementServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code port} (0: a free port) of every address.
   *
   * @throws IOException when the port cannot be bound
   */
  public static ManagementServer start(int port, Supplier<String> metrics, Readiness readiness) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/metrics", ex -> answer(ex, 200, ServiceMetrics.CONTENT_TYPE, metrics.get()));
    server.createContext("/health/live", ex -> answer(ex, 200, "text/plain; charset=utf-8", "live\n"));
    server.createContext("/health/ready", ex -> {
      List<String> reasons = readiness.notReady();
      if (reasons.isEmpty()) {
        answer(ex, 200, "text/plain; charset=utf-8", "ready\n");
      } else {
        answer(ex, 503, "text/plain; charset=utf-8", "not ready: " + String.join("\n", reasons) + "\n");
      }
    });
    server.createContext("/", ex -> answer(ex, 404, "text/plain; charset=utf-8",
        "not found; this port serves /metrics, /health/live and /health/ready\n"));
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "management-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    LOG.info("Metrics and health at http://0.0.0.0:{}/metrics, /health/live, /health/ready",
        server.getAddress().getPort());
    return new ManagementServer(server, executor);
  }

  private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      boolean head = "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** The port bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
