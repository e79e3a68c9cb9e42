package io.newsdelta.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK {@link HttpServer} on 127.0.0.1 and a free port, with its own daemon threads. */
final class LoopbackHttp implements AutoCloseable {

  private static final AtomicInteger SERVERS = new AtomicInteger();
  private static final String BODY = LoopbackHttp.class.getName() + ".body";

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackHttp(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static LoopbackHttp start(String name, HttpHandler handler) {
    String threadPrefix = name + "-" + SERVERS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, threadPrefix + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          // Read the whole request first: a handler may answer without reading it, and an unread
          // body would break the next request on a kept-alive connection.
          exchange.setAttribute(BODY, exchange.getRequestBody().readAllBytes());
          handler.handle(exchange);
        }
      });
      server.setExecutor(executor);
      server.start();
      return new LoopbackHttp(server, executor);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start a loopback HTTP server", e);
    }
  }

  /** The base address, {@code http://127.0.0.1:<port>}. */
  String base() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Sends {@code status} with {@code body}; no body at all for HEAD, 204 and 304. */
  static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = body.length == 0 || status == 204 || status == 304
        || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The request body, already read by the server. */
  static byte[] requestBody(HttpExchange exchange) {
    return (byte[]) exchange.getAttribute(BODY);
  }

  /** Request headers with lower-cased names; repeated headers joined with ", ". */
  static Map<String, String> lowerCased(Headers headers) {
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      result.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
    }
    return Map.copyOf(result);
  }
}
