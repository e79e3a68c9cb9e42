package io.newsdelta.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdelta.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback that de-duplicates by change id, as a receiver should, and can be taken
 * down (answering 503) for a while.
 */
final class Receiver implements AutoCloseable {
  private final HttpServer server;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final Map<String, JsonNode> changes = new ConcurrentHashMap<>();

  private Receiver(HttpServer server) {
    this.server = server;
  }

  static Receiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      Receiver receiver = new Receiver(server);
      server.setExecutor(Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fault-receiver");
        t.setDaemon(true);
        return t;
      }));
      server.createContext("/hook", receiver::handle);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void down(boolean isDown) {
    down.set(isDown);
  }

  /** Every change received, de-duplicated by change id. */
  Map<String, JsonNode> changes() {
    return Map.copyOf(changes);
  }

  Set<String> changeIds() {
    return Set.copyOf(changes.keySet());
  }

  /** Deliveries accepted, duplicates included. */
  int deliveries() {
    return deliveries.get();
  }

  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (down.get()) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      JsonNode change = Json.read(body, JsonNode.class);
      deliveries.incrementAndGet();
      changes.putIfAbsent(change.path("changeId").asText(), change);
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
