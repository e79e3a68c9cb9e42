package io.newsdelta.bench.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback news site that is not the bottleneck of a fetcher's load run: Jetty (the version Javalin brings)
 * on 127.0.0.1 … 127.0.0.N, one port, every page's bytes rendered once at start from the same {@link Newsroom}
 * stories and {@link PageRenderer} chrome as {@link NewsSite}, served with ETag and Last-Modified, answering
 * 304 to a matching If-None-Match or If-Modified-Since. {@link NewsSite} stays the pipeline benchmark's site (it
 * edits and counts what each request was served); this one only serves, as cheaply as Jetty can.
 *
 * <p>Article {@code a} is {@code http://127.0.0.H:PORT/news/article-a} with {@code H = a % hosts + 1}; feed
 * {@code f} is {@code /rss/feed-f.xml} on host {@code f % hosts + 1} and lists articles {@code f, f + feeds, …}.
 * In {@link Mode#CHANGING} every answer to an article carries a new paragraph (a new revision, a new ETag), so
 * each check is a full fetch whose text changed and is published; in {@link Mode#STEADY} an article never
 * changes, so every re-check that sends its ETag gets a 304.
 */
public final class FastSite implements AutoCloseable {

  /** Whether articles change at every request. */
  public enum Mode { STEADY, CHANGING }

  /**
   * The site's shape.
   *
   * @param feeds    how many feeds
   * @param articles how many articles
   * @param hosts    how many host addresses, 1 to 254
   * @param latency  added before every answer (the thread sleeps, as a slow back end would hold it)
   * @param mode     whether articles change at every request
   * @param heavy    pages of 100–300 KB (the renderer's chrome), else about 10 KB (story and navigation only)
   * @param threads  Jetty's worker threads
   */
  public record Config(int feeds, int articles, int hosts, Duration latency, Mode mode, boolean heavy, int threads) {
    public Config {
      if (feeds < 1 || articles < feeds || hosts < 1 || hosts > 254 || threads < 8) {
        throw new IllegalArgumentException("need feeds >= 1, articles >= feeds, hosts 1..254, threads >= 8");
      }
    }
  }

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final long SEED = 1;
  /** The renderer's layouts from 100 KB up (layout k weighs 40 + 30·k KB of chrome plus the story). */
  private static final int FIRST_HEAVY_LAYOUT = 2;
  private static final String BODY_MARK = "<div class=\"story-body\">\n";

  private final Config config;
  private final Server server;
  /** Per article: its page up to the story body, and from there on (the changing paragraph goes between). */
  private final ByteBuffer[][] pages;
  private final byte[][] feeds;
  private final String lastModified;
  private final AtomicLong revision = new AtomicLong();
  private final AtomicLongArray served = new AtomicLongArray(4);
  /** Ingest's requests per host, timed when Jetty had read the request (ms, Jetty's own stamp). */
  private final SiteCounters received;
  /** Ingest's requests per host, timed when the handler began (after Jetty's dispatch to a thread). */
  private final SiteCounters handled;
  private SiteUrls urls;

  private FastSite(Config config) {
    this.config = config;
    long start = System.currentTimeMillis() / 1000;
    this.lastModified = HTTP_DATE.format(Instant.ofEpochSecond(start));
    QueuedThreadPool pool = new QueuedThreadPool(config.threads() + 2 * config.hosts(), 8);
    pool.setName("fast-site");
    pool.setDaemon(true);
    this.server = new Server(pool);
    this.pages = new ByteBuffer[config.articles()][];
    this.feeds = new byte[config.feeds()][];
    this.received = new SiteCounters(config.hosts());
    this.handled = new SiteCounters(config.hosts());
  }

  /** Binds a free port shared by all host addresses, renders every page (they name the port), starts serving. */
  public static FastSite start(Config config) throws Exception {
    FastSite site = new FastSite(config);
    site.bind();
    site.render();
    site.server.start();
    return site;
  }

  private void render() {
    PageRenderer renderer = new PageRenderer(SEED, storyNumber(config.articles()));
    for (int a = 0; a < config.articles(); a++) {
      int n = storyNumber(a);
      PageRenderer.Page page = renderer.article(n, articleUrl(a), Story.base(SEED, n), 0, Instant.EPOCH, "r" + a);
      byte[][] parts = page.parts();
      String body = new String(parts[3], StandardCharsets.UTF_8);
      int cut = body.indexOf(BODY_MARK) + BODY_MARK.length();
      byte[] before = body.substring(0, cut).getBytes(StandardCharsets.UTF_8);
      byte[] after = body.substring(cut).getBytes(StandardCharsets.UTF_8);
      pages[a] = config.heavy()
          ? new ByteBuffer[] {wrap(parts[0]), wrap(parts[1]), wrap(parts[2]), wrap(before), wrap(after), wrap(parts[4])}
          : new ByteBuffer[] {wrap(parts[0]), wrap(parts[2]), wrap(before), wrap(after), wrap("</body></html>\n")};
    }
    for (int f = 0; f < config.feeds(); f++) {
      feeds[f] = renderer.feed(f, urls.root(urls.hostOfFeed(f)), urls::article, f, config.feeds(), config.articles());
    }
  }

  /** The story behind article {@code a}: heavy pages skip the renderer's two lightest layouts. */
  private int storyNumber(int a) {
    if (!config.heavy()) {
      return a;
    }
    int per = PageRenderer.LAYOUTS - FIRST_HEAVY_LAYOUT;
    return (a / per) * PageRenderer.LAYOUTS + FIRST_HEAVY_LAYOUT + a % per;
  }

  private void bind() throws Exception {
    for (int attempt = 0; ; attempt++) {
      ServerConnector first = connector(1, 0);
      server.addConnector(first);
      first.open();
      int port = first.getLocalPort();
      urls = new SiteUrls(config.hosts(), port);
      try {
        for (int h = 2; h <= config.hosts(); h++) {
          ServerConnector c = connector(h, port);
          server.addConnector(c);
          c.open();
        }
        break;
      } catch (IOException busy) {
        // Another process holds this port on one of the addresses: try another port.
        for (var c : server.getConnectors()) {
          ((ServerConnector) c).close();
          server.removeConnector(c);
        }
        if (attempt == 20) {
          throw busy;
        }
      }
    }
    server.setHandler(new Pages());
  }

  private ServerConnector connector(int host, int port) {
    // No acceptor thread and one selector per address: 200 addresses must not cost 400 threads.
    ServerConnector c = new ServerConnector(server, 0, 1);
    c.setHost("127.0.0." + host);
    c.setPort(port);
    c.setAcceptQueueSize(1024);
    return c;
  }

  public int port() {
    return urls.port();
  }

  /** Where this site serves each page. */
  public SiteUrls urls() {
    return urls;
  }

  public Config config() {
    return config;
  }

  public String articleUrl(int article) {
    return urls.article(article);
  }

  public String feedUrl(int feed) {
    return urls.feed(feed);
  }

  /** The bytes of article {@code a}'s page in {@link Mode#STEADY} (tests). */
  public long pageLength(int a) {
    long n = 0;
    for (ByteBuffer b : pages[a]) {
      n += b.remaining();
    }
    return n;
  }

  /**
   * The politeness figures of the requests ingest made (its User-Agent; not {@code wrk}'s): per host the most at
   * once and the shortest gap between two, as Jetty received them and as the handler began them.
   */
  public SiteStats[] politeness() {
    return new SiteStats[] {received.snapshot(), handled.snapshot()};
  }

  /** Answers so far: article pages in full, article 304s, feeds in full, feed 304s. */
  public long[] served() {
    return new long[] {served.get(0), served.get(1), served.get(2), served.get(3)};
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static ByteBuffer wrap(byte[] b) {
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }

  private static ByteBuffer wrap(String s) {
    return wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private final class Pages extends AbstractHandler {
    @Override
    public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse resp)
        throws IOException {
      base.setHandled(true);
      int host = hostNumber(req.getLocalAddr());
      String agent = req.getHeader("User-Agent");
      boolean ingest = agent != null && agent.startsWith("newsdelta") && host >= 1 && host <= config.hosts();
      if (ingest) {
        received.begin(host, TimeUnit.MILLISECONDS.toNanos(base.getTimeStamp()));
        handled.begin(host, System.nanoTime());
      }
      try {
        answer(target, host, req, resp);
      } finally {
        if (ingest) {
          received.end(host);
          handled.end(host);
        }
      }
    }

    private void answer(String target, int host, HttpServletRequest req, HttpServletResponse resp)
        throws IOException {
      if (!config.latency().isZero()) {
        try {
          Thread.sleep(config.latency().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      int a = SiteUrls.articleOf(target);
      int f = SiteUrls.feedOf(target);
      if (a >= 0 && a < pages.length && urls.hostOf(a) == host) {
        article(a, req, resp);
        return;
      }
      if (f >= 0 && f < feeds.length && urls.hostOfFeed(f) == host) {
        feed(f, req, resp);
        return;
      }
      resp.setStatus(404);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getOutputStream().write("not found\n".getBytes(StandardCharsets.UTF_8));
    }

    private void article(int a, HttpServletRequest req, HttpServletResponse resp) throws IOException {
      boolean changing = config.mode() == Mode.CHANGING;
      long rev = changing ? revision.incrementAndGet() : 0;
      String etag = "\"a" + a + "-" + rev + "\"";
      resp.setHeader("ETag", etag);
      resp.setHeader("Last-Modified", lastModified);
      resp.setHeader("Cache-Control", "max-age=0, must-revalidate");
      if (!changing && notModified(req, etag)) {
        served.incrementAndGet(1);
        resp.setStatus(304);
        return;
      }
      ByteBuffer[] parts = pages[a];
      byte[] update = changing ? update(rev) : new byte[0];
      int cut = config.heavy() ? 4 : 3;
      long length = update.length;
      for (ByteBuffer b : parts) {
        length += b.remaining();
      }
      resp.setStatus(200);
      resp.setContentType("text/html; charset=utf-8");
      resp.setContentLengthLong(length);
      var out = (org.eclipse.jetty.server.HttpOutput) resp.getOutputStream();
      for (int i = 0; i < parts.length; i++) {
        if (i == cut && update.length > 0) {
          out.write(update);
        }
        out.write(parts[i].duplicate());
      }
      served.incrementAndGet(0);
    }

    private void feed(int f, HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String etag = "\"feed-" + f + "\"";
      resp.setHeader("ETag", etag);
      resp.setHeader("Last-Modified", lastModified);
      if (notModified(req, etag)) {
        served.incrementAndGet(3);
        resp.setStatus(304);
        return;
      }
      resp.setStatus(200);
      resp.setContentType("application/rss+xml; charset=utf-8");
      resp.setContentLength(feeds[f].length);
      resp.getOutputStream().write(feeds[f]);
      served.incrementAndGet(2);
    }
  }

  /** A paragraph the extractor keeps as story text, different at every revision. */
  private static byte[] update(long rev) {
    return ("<p>Update " + rev + ": the ministry revised its figures again this morning, officials said, and the "
        + "count now stands at " + (rev * 7 % 100_000) + " after the latest review of the records.</p>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 9110: If-None-Match wins over If-Modified-Since (which matches the site's one start stamp). */
  private boolean notModified(HttpServletRequest req, String etag) {
    String inm = req.getHeader("If-None-Match");
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
    return lastModified.equals(req.getHeader("If-Modified-Since"));
  }

  private static int hostNumber(String localAddr) {
    int dot = localAddr == null ? -1 : localAddr.lastIndexOf('.');
    return dot < 0 ? -1 : number(localAddr.substring(dot + 1));
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
