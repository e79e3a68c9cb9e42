package io.newsdelta.bench.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated news site: one JDK HTTP server per host address 127.0.0.1 … 127.0.0.N, all on the same
 * port and sharing one worker pool. Article {@code a} is {@code http://127.0.0.H:PORT/news/article-a} on
 * its host only; feed {@code f} is {@code /rss/feed-f.xml}.
 *
 * <pre>{@code
 * try (NewsSite site = NewsSite.start(config)) {
 *   site.newsroom().edit(7, EditKind.HEADLINE, System.currentTimeMillis());
 *   site.counters().snapshot();
 * }
 * }</pre>
 */
public final class NewsSite implements AutoCloseable {

  /** IMF-fixdate (RFC 9110), two-digit day; RFC_1123_DATE_TIME would write "1 Dec". */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(ZoneOffset.UTC);
  private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.UTF_8);

  private final SiteConfig config;
  private final Newsroom newsroom;
  private final PageRenderer renderer;
  private final SiteCounters counters;
  private final ExecutorService pool;
  private final List<HttpServer> servers = new ArrayList<>();
  private final AtomicLong requestSeq = new AtomicLong();
  private final long startMillis = System.currentTimeMillis();
  private SiteUrls urls;

  private NewsSite(SiteConfig config) {
    this.config = config;
    this.newsroom = new Newsroom(config.seed(), config.articles(), startMillis);
    this.renderer = new PageRenderer(config.seed(), config.articles());
    this.counters = new SiteCounters(config.hosts());
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "news-site-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts the site on a free port shared by all its host addresses. */
  public static NewsSite start(SiteConfig config) {
    NewsSite site = new NewsSite(config);
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        site.bind();
        return site;
      } catch (IOException e) {
        // Another process holds this port on one of the addresses: try another port.
        last = e;
        site.stopServers();
      }
    }
    site.pool.shutdownNow();
    throw new UncheckedIOException("news site cannot bind " + config.hosts() + " loopback addresses", last);
  }

  private void bind() throws IOException {
    HttpServer first = HttpServer.create(new InetSocketAddress(address(1), 0), 1024);
    int port = first.getAddress().getPort();
    urls = new SiteUrls(config.hosts(), port);
    servers.add(first);
    for (int h = 2; h <= config.hosts(); h++) {
      try {
        servers.add(HttpServer.create(new InetSocketAddress(address(h), port), 1024));
      } catch (BindException e) {
        throw new IOException("port " + port + " busy on " + address(h), e);
      }
    }
    for (int h = 1; h <= servers.size(); h++) {
      int host = h;
      HttpServer s = servers.get(h - 1);
      s.createContext("/", ex -> handle(ex, host));
      s.setExecutor(pool);
      s.start();
    }
  }

  private static InetAddress address(int host) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
  }

  public SiteConfig config() {
    return config;
  }

  public Newsroom newsroom() {
    return newsroom;
  }

  public SiteCounters counters() {
    return counters;
  }

  public int port() {
    return urls.port();
  }

  /** Where this site serves each page. */
  public SiteUrls urls() {
    return urls;
  }

  /** Article {@code a}'s URL. */
  public String articleUrl(int article) {
    return urls.article(article);
  }

  /** Feed {@code f}'s URL. */
  public String feedUrl(int feed) {
    return urls.feed(feed);
  }

  private void handle(HttpExchange ex, int host) throws IOException {
    counters.begin(host, System.nanoTime());
    try (ex) {
      if (!config.latency().isZero()) {
        sleep();
      }
      String path = ex.getRequestURI().getRawPath();
      int a = SiteUrls.articleOf(path);
      int f = SiteUrls.feedOf(path);
      if (a >= 0 && a < config.articles() && urls.hostOf(a) == host) {
        article(ex, a);
        return;
      }
      if (f >= 0 && f < config.feeds() && urls.hostOfFeed(f) == host) {
        feed(ex, f);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      ex.sendResponseHeaders(404, NOT_FOUND.length);
      ex.getResponseBody().write(NOT_FOUND);
    } finally {
      counters.end(host);
    }
  }

  private void article(HttpExchange ex, int a) throws IOException {
    long now = System.currentTimeMillis();
    long seq = requestSeq.incrementAndGet();
    Newsroom.Revision rev = newsroom.serve(a, now);
    boolean everyRequest = config.boilerplate() == Boilerplate.EVERY_REQUEST;
    long modified = everyRequest ? now / 1000 : rev.lastModifiedSecond();
    String etag = "\"a" + a + "-" + rev.edits().length + "-" + (everyRequest ? "r" + seq : "b" + rev.boilerplate()) + "\"";
    ex.getResponseHeaders().set("ETag", etag);
    ex.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(Instant.ofEpochSecond(modified)));
    ex.getResponseHeaders().set("Cache-Control", "max-age=0, must-revalidate");
    // A page that re-renders at every request is a new representation each time: never 304.
    if (!everyRequest && notModified(ex, etag, modified)) {
      counters.article(true, 0);
      ex.sendResponseHeaders(304, -1);
      return;
    }
    int boiler = everyRequest ? (int) seq : rev.boilerplate();
    String requestId = everyRequest ? Long.toHexString(seq * 0x9E3779B97F4A7C15L)
        : Long.toHexString((a * 0x9E3779B97F4A7C15L) ^ rev.boilerplate());
    Story story = Story.of(config.seed(), a, rev.edits());
    PageRenderer.Page page = renderer.article(a, articleUrl(a), story, boiler,
        Instant.ofEpochSecond(modified), requestId);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    long length = page.length();
    // Counted before the answer leaves: a client that has read the whole page must find it counted.
    counters.article(false, length);
    ex.sendResponseHeaders(200, length);
    try (OutputStream out = ex.getResponseBody()) {
      page.writeTo(out);
    }
  }

  private void feed(HttpExchange ex, int f) throws IOException {
    String etag = "\"feed-" + f + "\"";
    long modified = startMillis / 1000;
    ex.getResponseHeaders().set("ETag", etag);
    ex.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(Instant.ofEpochSecond(modified)));
    if (notModified(ex, etag, modified)) {
      counters.feed(true, 0);
      ex.sendResponseHeaders(304, -1);
      return;
    }
    byte[] body = renderer.feed(f, urls.root(urls.hostOfFeed(f)), urls::article, f, config.feeds());
    ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    counters.feed(false, body.length);
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }

  /** RFC 9110: If-None-Match wins over If-Modified-Since. */
  static boolean notModified(HttpExchange ex, String etag, long modifiedSecond) {
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    if (inm != null) {
      for (String tag : inm.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals(etag) || t.equals("*")) {
          return true;
        }
      }
      return false;
    }
    String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
    if (ims == null) {
      return false;
    }
    try {
      return ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond() >= modifiedSecond;
    } catch (DateTimeParseException e) {
      return false;
    }
  }


  private void sleep() {
    try {
      Thread.sleep(config.latency().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopServers() {
    for (HttpServer s : servers) {
      s.stop(0);
    }
    servers.clear();
  }

  @Override
  public void close() {
    stopServers();
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
