package io.newsdelta.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A news site on loopback whose articles are edited while the suite runs. Every response re-renders the
 * boilerplate (most-read box, ad, "updated" stamp, request id), as real sites do, so only the article text
 * tells an edit apart. Beside the healthy feed it serves hostile peers: a feed that stalls after its headers,
 * one whose body never ends, one that answers 500 and a redirect loop — their presence must not slow the
 * healthy articles down.
 */
final class EditedSite implements AutoCloseable {
  private static final String TEMPLATE = resource("/demo/page.html");
  private static final String[] WORDS = (
      "council minister police budget report school hospital river station market court strike transport "
          + "housing election energy water health plan review inquiry figures union workers residents officials "
          + "government agency public service change warning safety record growth decision")
      .split(" ");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "edited-site");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReferenceArray<Article> articles;
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentHashMap<Integer, List<Instant>> checks = new ConcurrentHashMap<>();
  private final Random random;

  /** One article as served now: its headline and paragraphs, and how many edits it has had. */
  record Article(String title, List<String> paragraphs, int edits) {}

  private EditedSite(HttpServer server, int count, long seed) {
    this.server = server;
    this.random = new Random(seed);
    this.articles = new AtomicReferenceArray<>(count);
    for (int i = 0; i < count; i++) {
      List<String> paragraphs = IntStream.range(0, 6).mapToObj(p -> sentence(random, 28)).toList();
      articles.set(i, new Article("Story " + i + ": " + sentence(random, 6).replace(".", ""), paragraphs, 0));
    }
  }

  static EditedSite start(int articles, long seed) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      EditedSite site = new EditedSite(server, articles, seed);
      server.setExecutor(site.executor);
      server.createContext("/", site::handle);
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String feedUrl() {
    return base() + "/feed.xml";
  }

  /** Feeds that misbehave; configured beside the healthy one. */
  List<String> hostileFeedUrls() {
    return List.of(base() + "/hostile/stall.xml", base() + "/hostile/endless.xml", base() + "/hostile/500.xml",
        base() + "/hostile/loop.xml");
  }

  String articleUrl(int i) {
    return base() + "/news/article-" + i;
  }

  int size() {
    return articles.length();
  }

  Article article(int i) {
    return articles.get(i);
  }

  /**
   * Makes one real edit to article {@code i}: a paragraph rewritten, inserted or deleted, or the headline
   * changed. Returns the article as it is served from now on.
   */
  synchronized Article edit(int i) {
    Article before = articles.get(i);
    List<String> paragraphs = new ArrayList<>(before.paragraphs());
    String title = before.title();
    int edit = before.edits() + 1;
    switch (random.nextInt(4)) {
      case 0 -> paragraphs.set(random.nextInt(paragraphs.size()), "Edit " + edit + ": " + sentence(random, 24));
      case 1 -> paragraphs.add(random.nextInt(paragraphs.size() + 1), "Added in edit " + edit + ": " + sentence(random, 22));
      case 2 -> {
        if (paragraphs.size() > 3) {
          paragraphs.remove(random.nextInt(paragraphs.size()));
        } else {
          paragraphs.add("Added in edit " + edit + ": " + sentence(random, 22));
        }
      }
      default -> title = "Story " + i + " (update " + edit + "): " + sentence(random, 5).replace(".", "");
    }
    Article after = new Article(title, List.copyOf(paragraphs), edit);
    articles.set(i, after);
    return after;
  }

  /** When article {@code i} was requested, in order. */
  List<Instant> checksOf(int i) {
    return List.copyOf(checks.getOrDefault(i, List.of()));
  }

  long requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long request = requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      if (path.equals("/feed.xml")) {
        send(exchange, 200, "application/rss+xml; charset=utf-8", feed());
      } else if (path.startsWith("/news/article-")) {
        int i = Integer.parseInt(path.substring("/news/article-".length()));
        if (i < 0 || i >= articles.length()) {
          send(exchange, 404, "text/plain", "no such article");
          return;
        }
        checks.computeIfAbsent(i, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(Instant.now());
        send(exchange, 200, "text/html; charset=utf-8", page(i, request));
      } else if (path.equals("/hostile/stall.xml")) {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().flush();
        sleepQuietly(600_000); // headers sent, body never comes
      } else if (path.equals("/hostile/endless.xml")) {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = "<item><title>again</title></item>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
        while (!Thread.currentThread().isInterrupted()) {
          out.write(chunk); // throws once the client gives up
        }
      } else if (path.equals("/hostile/500.xml")) {
        send(exchange, 500, "text/plain", "internal error");
      } else if (path.equals("/hostile/loop.xml")) {
        exchange.getResponseHeaders().set("Location", "/hostile/loop.xml");
        exchange.sendResponseHeaders(302, -1);
      } else {
        send(exchange, 404, "text/plain", "not found");
      }
    } catch (IOException e) {
      // The client went away (a timeout on a hostile peer, a killed ingest): nothing to do.
    }
  }

  private String feed() {
    String items = IntStream.range(0, articles.length())
        .mapToObj(i -> "<item><title>Story " + i + "</title><link>" + articleUrl(i) + "</link><guid>"
            + articleUrl(i) + "</guid></item>")
        .collect(Collectors.joining("\n"));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Fault suite news</title>"
        + "<link>" + base() + "</link><description>edited while services die</description>\n" + items
        + "\n</channel></rss>\n";
  }

  private String page(int i, long request) {
    Article article = articles.get(i);
    String body = article.paragraphs().stream().map(p -> "    <p>" + p + "</p>").collect(Collectors.joining("\n"));
    String popular = IntStream.rangeClosed(1, 5)
        .mapToObj(k -> "      <li><a href=\"/news/" + (request % 97 + k) + "\">Most read " + (request % 97 + k)
            + ": what everyone is reading</a></li>")
        .collect(Collectors.joining("\n"));
    return TEMPLATE
        .replace("{{TITLE}}", article.title())
        .replace("{{CANONICAL}}", articleUrl(i))
        .replace("{{RENDER}}", String.valueOf(request))
        .replace("{{AD}}", "Holiday offers, request " + request)
        .replace("{{UPDATED}}", String.format("10:%02d", request % 60))
        .replace("{{BODY}}", body)
        .replace("{{POPULAR}}", popular);
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String sentence(Random random, int words) {
    String text = IntStream.range(0, words).mapToObj(w -> WORDS[random.nextInt(WORDS.length)])
        .collect(Collectors.joining(" "));
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String resource(String name) {
    try (InputStream in = EditedSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the class path (app module)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
