package io.newsdelta.bench.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdelta.bench.site.SiteUrls;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** The webhook endpoint on 127.0.0.1 the pipeline notifies; it notes each change and when it arrived. */
final class AlertReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "alert-receiver");
    t.setDaemon(true);
    return t;
  });
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final AtomicLong unreadable = new AtomicLong();

  AlertReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the webhook receiver", e);
    }
    server.createContext("/hook", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  long unreadable() {
    return unreadable.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    long arrival = System.currentTimeMillis();
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      try {
        ArticleChange change = Json.read(body, ArticleChange.class);
        alerts.add(Alert.of(change, SiteUrls.articleOf(change.url() == null ? change.articleId() : change.url()), arrival));
      } catch (RuntimeException e) {
        unreadable.incrementAndGet();
      }
      ex.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
