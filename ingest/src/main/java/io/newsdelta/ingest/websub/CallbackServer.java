package io.newsdelta.ingest.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's WebSub callback endpoint, {@code /websub/<id>} on {@code ingest.websub.bind}:{@code ingest.websub.port}
 * (any path prefix before {@code /websub/} is accepted, for a reverse proxy that keeps its own): {@code GET} is a
 * hub's verification of intent, {@code POST} a content delivery, both answered by the {@link WebSubSubscriber}. Its
 * own small server (the JDK's), apart from the management port: it faces the hubs on the internet, and
 * {@code /metrics} should not.
 */
public final class CallbackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);
  private static final String PREFIX = "/websub/";

  private final HttpServer server;
  private final ExecutorService executor;

  private CallbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code bind}:{@code port} (0: a free port).
   *
   * @param maxBodyBytes deliveries larger than this are answered 413 and ignored
   * @throws IOException when the address cannot be bound
   */
  public static CallbackServer start(String bind, int port, WebSubSubscriber subscriber, int maxBodyBytes)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    server.createContext("/", ex -> {
      try (ex) {
        handle(ex, subscriber, maxBodyBytes);
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure answering WebSub callback {}", ex.getRequestURI(), e);
      }
    });
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "ingest-websub-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    LOG.info("WebSub callbacks served at http://{}:{}{}<id>", bind, server.getAddress().getPort(), PREFIX);
    return new CallbackServer(server, executor);
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange ex, WebSubSubscriber subscriber, int maxBodyBytes) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    int at = path.lastIndexOf(PREFIX);
    String id = at < 0 ? "" : path.substring(at + PREFIX.length());
    if (id.isEmpty() || id.contains("/")) {
      answer(ex, new WebSubSubscriber.Reply(404, "not a WebSub callback\n"));
      return;
    }
    switch (ex.getRequestMethod()) {
      case "GET" -> answer(ex, subscriber.verify(id, query(ex.getRequestURI().getRawQuery())));
      case "POST" -> {
        byte[] body = read(ex.getRequestBody(), maxBodyBytes);
        if (body == null) {
          subscriber.tooLarge();
          answer(ex, new WebSubSubscriber.Reply(413, "larger than " + maxBodyBytes + " bytes\n"));
          return;
        }
        answer(ex, subscriber.deliver(id, ex.getRequestHeaders().getFirst("X-Hub-Signature"), body));
      }
      default -> {
        ex.getResponseHeaders().set("Allow", "GET, POST");
        answer(ex, new WebSubSubscriber.Reply(405, "GET or POST\n"));
      }
    }
  }

  /** The body, or null when it is longer than {@code max}. */
  private static byte[] read(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    return bytes.length > max ? null : bytes;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        LOG.debug("Skipping a malformed query parameter {}", pair);
      }
    }
    return params;
  }

  private static void answer(HttpExchange ex, WebSubSubscriber.Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
