package io.newsdelta.bench.history;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.history.EventBatch;
import io.newsdelta.history.FeedMembership;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.view.Links;
import io.newsdelta.notifier.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Load run of the history store: {@code ARTICLES} articles with {@code VERSIONS} versions each (and the changes
 * between them) are written through {@link io.newsdelta.history.HistoryWriter} in batches of the materialiser's
 * size (500 events), measuring versions per second and the heap after each tenth; then the timeline, diff,
 * article list and search pages (two words; a quoted phrase; one article's headline words; a feed's list; a
 * page anywhere in the list) are fetched over HTTP from the notifier's own {@link WebServer}, timing each.
 *
 * <pre>java -cp … io.newsdelta.bench.history.HistoryLoad [JDBC_URL] [ARTICLES] [VERSIONS] [REQUESTS]</pre>
 *
 * Without a URL it writes an SQLite file under {@code target/}.
 */
public final class HistoryLoad {
  private static final String[] WORDS = (
      "the government minister said police would investigate claims that council officials had ignored warnings"
          + " about flooding in the north after storms damaged homes schools and roads across several counties while"
          + " ministers promised new funding for hospitals railways energy prices inflation budget election results"
          + " campaign voters parliament committee report inquiry evidence court ruling judge appeal")
      .split(" ");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int BATCH_EVENTS = 500;
  private static final String FEED = "https://news.example/rss";

  private HistoryLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 && !args[0].equals("-")
        ? args[0] : "jdbc:sqlite:" + Files.createTempDirectory(Path.of("target"), "history-load").resolve("h.db");
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int versions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    System.out.println("load average at start: " + loadAverage());
    try (HistoryStore store = HistoryStore.open(url)) {
      // A store filled by an earlier run is timed again as it is.
      if (store.reader().versionCount() == 0) {
        fill(store, articles, versions);
      }
      System.out.printf("store size: %s%n", size(url, articles * (long) versions));
      time(store, articles, versions, requests);
    }
    System.out.println("load average at end: " + loadAverage());
  }

  private static void fill(HistoryStore store, int articles, int versions) {
    SplittableRandom random = new SplittableRandom(42);
    store.writer().apply(new EventBatch.Builder().add(new FeedRegistration(FEED, "Example")).build());
    EventBatch.Builder batch = new EventBatch.Builder();
    int inBatch = 0;
    long written = 0;
    long start = System.nanoTime();
    long tenth = Math.max(1, articles / 10);
    for (int a = 0; a < articles; a++) {
      String id = "https://news.example/story/" + a;
      batch.add(new FeedMembership(id, id, FEED));
      List<String> paragraphs = paragraphs(random);
      ArticleVersion previous = null;
      for (int v = 1; v <= versions; v++) {
        if (v > 1) {
          paragraphs = edit(paragraphs, random);
        }
        ArticleVersion version = new ArticleVersion(id, id, v, T0.plusSeconds(a * 60L + v * 2400L),
            "Story " + a + " " + WORDS[random.nextInt(WORDS.length)] + " version " + v, null, paragraphs, "sha" + v, null);
        batch.add(version);
        inBatch++;
        if (previous != null) {
          batch.add(new ArticleChange(ArticleChange.idOf(id, v - 1, v), id, id, version.title(), v - 1, v,
              previous.observedAt(), version.observedAt(), true, false, null, List.of(), new ChangeStats(3, 2),
              "Version " + (v - 1) + " → " + v, previous.title()));
          inBatch++;
        }
        previous = version;
        written++;
      }
      if (inBatch >= BATCH_EVENTS) {
        store.writer().apply(batch.build());
        batch = new EventBatch.Builder();
        inBatch = 0;
      }
      if ((a + 1) % tenth == 0) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d articles, %,d versions: %.0f versions/s, heap used after GC %d MiB%n",
            a + 1, written, written / seconds, heapAfterGc() / (1024 * 1024));
      }
    }
    store.writer().apply(batch.build());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("materialised %,d versions in %.1f s: %.0f versions/s%n", written, seconds, written / seconds);
  }

  private static List<String> paragraphs(SplittableRandom random) {
    List<String> out = new ArrayList<>();
    int n = 8 + random.nextInt(8);
    for (int p = 0; p < n; p++) {
      StringBuilder s = new StringBuilder();
      int words = 15 + random.nextInt(25);
      for (int w = 0; w < words; w++) {
        s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      out.add(s.append('.').toString());
    }
    return out;
  }

  /** A new version: one paragraph rewritten in part, sometimes one added. */
  private static List<String> edit(List<String> paragraphs, SplittableRandom random) {
    List<String> out = new ArrayList<>(paragraphs);
    int i = random.nextInt(out.size());
    String[] words = out.get(i).split(" ");
    for (int k = 0; k < 3; k++) {
      words[random.nextInt(words.length)] = WORDS[random.nextInt(WORDS.length)];
    }
    out.set(i, String.join(" ", words));
    if (random.nextInt(3) == 0) {
      out.add(random.nextInt(out.size()), "Update: " + WORDS[random.nextInt(WORDS.length)] + " confirmed the report.");
    }
    return out;
  }

  /** The machine's load (1, 5, 15 minutes), which the figures must be read against on a shared machine. */
  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long heapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String size(String url, long versions) throws Exception {
    long bytes;
    if (url.startsWith("jdbc:sqlite:")) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      bytes = Files.size(file) + sizeIfExists(Path.of(file + "-wal"));
    } else {
      try (Connection c = DriverManager.getConnection(url);
          ResultSet rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
        rs.next();
        bytes = rs.getLong(1);
      }
    }
    return String.format("%,d bytes, %,d bytes per version", bytes, bytes / versions);
  }

  private static long sizeIfExists(Path p) throws Exception {
    return Files.exists(p) ? Files.size(p) : 0;
  }

  private static void time(HistoryStore store, int articles, int versions, int requests) throws Exception {
    WebServer web = new WebServer("127.0.0.1", 0, new HistoryView(store.reader(), Clock.systemUTC()), () -> true,
        store::ready, List.of());
    web.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      Random random = new Random(7);
      String base = "http://127.0.0.1:" + web.port();
      String[] names = {"timeline /article", "diff /diff", "article list /", "search /search",
          "search phrase", "search one article", "feed's list", "deep list page"};
      for (int kind = 0; kind < names.length; kind++) {
        long[] nanos = new long[requests];
        for (int i = -20; i < requests; i++) { // 20 warm-up requests
          String id = "https://news.example/story/" + random.nextInt(articles);
          String path = switch (kind) {
            case 0 -> Links.article(id);
            case 1 -> Links.diff(id, 1, versions);
            case 2 -> "/?page=" + (1 + random.nextInt(5));
            case 3 -> "/search?q=" + WORDS[random.nextInt(WORDS.length)] + "+" + WORDS[random.nextInt(WORDS.length)];
            // Two words in a row, quoted: fewer matches than the two words anywhere.
            case 4 -> "/search?q=%22" + WORDS[random.nextInt(WORDS.length)] + "+" + WORDS[random.nextInt(WORDS.length)]
                + "%22";
            // The selective case: the words of one article's headline ("Story 123").
            case 5 -> "/search?q=story+" + random.nextInt(articles);
            case 6 -> Links.articlesOfFeed(FEED) + "&page=" + (1 + random.nextInt(5));
            // Anywhere in the list: the pages are numbered, so a deep one skips its offset's rows.
            default -> "/?page=" + (1 + random.nextInt(Math.max(1, articles / 50)));
          };
          long t = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - t;
          if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
          }
          if (i >= 0) {
            nanos[i] = took;
          }
        }
        Arrays.sort(nanos);
        System.out.printf("%-20s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)%n", names[kind],
            nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.95)] / 1e6, nanos[requests - 1] / 1e6, requests);
      }
    } finally {
      web.close();
    }
  }
}
