package io.newsdelta.bench.ingest;

import io.newsdelta.events.Hashes;
import io.newsdelta.events.Json;
import io.newsdelta.ingest.schedule.DueQueue;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.watch.ArticleBook;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What ingest keeps per scheduled article, measured: N articles (default 100,000) with realistic state — a
 * 90-character URL, an ETag, a Last-Modified, two SHA-256 hashes, times — read back from their JSON as a
 * restart reads them, held in ingest's own structures (the article book and the due queue, which is all the
 * watcher keeps per article between checks), then heap used after GC compared with before, and the size of one
 * state record on {@code newsdelta.ingest.state}. Nothing proportional to page size is kept per article: the
 * body is gone once its hash is taken.
 *
 * <pre>{@code
 * java -Xmx512m -cp bench/target/benchmarks.jar io.newsdelta.bench.ingest.IngestMemory 100000
 * }</pre>
 */
public final class IngestMemory {
  private IngestMemory() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int feeds = 200;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);

    ArticleBook book = new ArticleBook();
    DueQueue due = new DueQueue();
    Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
    Map<String, ArticleState> restored = new HashMap<>();
    long stateBytes = 0;
    for (int i = 0; i < n; i++) {
      String feed = "https://www" + (i % feeds) + ".news-site.example/rss/world.xml";
      String url = "https://www" + (i % feeds) + ".news-site.example/news/world/2025/03/01/story-" + i
          + "-minister-resigns";
      ArticleState s = new ArticleState(url, url, feed, t0, 3, t0.plusSeconds(600), t0.plus(Duration.ofHours(2)),
          Hashes.sha256("body " + i), t0.plusSeconds(1), null, "\"" + Long.toHexString(i * 7919L) + "-5f3a\"",
          "Sat, 01 Mar 2025 09:00:00 GMT", Hashes.sha256("text " + i));
      byte[] json = Json.writeBytes(s);
      stateBytes += json.length;
      // As a restart reads them: a fresh object graph from the JSON of each record.
      restored.put(url, Json.read(json, ArticleState.class));
    }
    for (int f = 0; f < feeds; f++) {
      book.own("https://www" + f + ".news-site.example/rss/world.xml");
    }
    book.merge(restored).forEach(s -> due.schedule(s.articleId(), s.nextCheckAt()));
    restored.clear();
    restored = null;
    long after = usedAfterGc(memory);

    System.out.printf("articles: %,d (%d feeds), due: %,d%n", book.known(), feeds, due.size());
    System.out.printf("state record on the topic: %d bytes per article (JSON)%n", stateBytes / n);
    System.out.printf("heap: %,d bytes before, %,d after, %,d bytes per article (book + due queue)%n", before, after,
        (after - before) / n);
    System.out.printf("max heap: %,d bytes%n", memory.getHeapMemoryUsage().getMax());
    if (book.known() != n) {
      throw new IllegalStateException("expected " + n + " articles");
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
