package io.newsdelta.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local news site serving the seed story at version 4, re-rendering its boilerplate after a while, then
 * publishing version 5: the edit newsdelta should catch, and the re-render it should ignore.
 */
public final class DemoSite implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
  static final String ARTICLE_PATH = "/news/uk-politics-8020039";

  private final HttpServer server;
  private final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor();
  private volatile String page;
  private final String feed;

  private DemoSite(HttpServer server) {
    this.server = server;
    this.page = SeedStory.version(4).page(articleUrl(), 1);
    this.feed = SeedStory.version(4).rss(baseUrl() + "/", articleUrl());
    server.createContext("/rss.xml", ex -> respond(ex, "application/rss+xml; charset=utf-8", feed));
    server.createContext(ARTICLE_PATH, ex -> respond(ex, "text/html; charset=utf-8", page));
    server.createContext("/", ex -> respond(ex, 404, "text/plain", "not found"));
    server.start();
  }

  /** Serves on 127.0.0.1:port (0 for a free port), version 4 first. */
  public static DemoSite start(int port) {
    try {
      return new DemoSite(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("demo site cannot listen on port " + port, e);
    }
  }

  /** Re-renders the boilerplate after {@code rerender}, then publishes version 5 after {@code edit}. */
  public void playTimeline(Duration rerender, Duration edit) {
    timeline.schedule(
        () -> {
          page = SeedStory.version(4).page(articleUrl(), 2);
          LOG.info("Demo site: re-rendered the page (new sidebar, ad and time stamp; same story)");
        },
        rerender.toMillis(), TimeUnit.MILLISECONDS);
    timeline.schedule(
        () -> {
          page = SeedStory.version(5).page(articleUrl(), 3);
          LOG.info("Demo site: the editors published version 5 (\"{}\")", SeedStory.version(5).title());
        },
        edit.toMillis(), TimeUnit.MILLISECONDS);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String feedUrl() {
    return baseUrl() + "/rss.xml";
  }

  public String articleUrl() {
    return baseUrl() + ARTICLE_PATH;
  }

  @Override
  public void close() {
    timeline.shutdownNow();
    server.stop(0);
  }

  private static void respond(HttpExchange ex, String type, String body) throws IOException {
    respond(ex, 200, type, body);
  }

  private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
