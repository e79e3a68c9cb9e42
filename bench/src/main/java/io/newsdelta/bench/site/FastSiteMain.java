package io.newsdelta.bench.site;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a {@link FastSite} alone (a load run starts it as a child process, so the site's CPU is not ingest's;
 * {@code wrk} measures its ceiling): {@code java -cp bench/target/benchmarks.jar
 * io.newsdelta.bench.site.FastSiteMain FEEDS ARTICLES HOSTS LATENCY_MS steady|changing heavy|light THREADS}.
 * Prints {@code port N} once it serves, then serves until killed or until its standard input closes.
 */
public final class FastSiteMain {
  private FastSiteMain() {}

  public static void main(String[] args) throws Exception {
    FastSite.Config config = new FastSite.Config(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
        Integer.parseInt(args[2]), Duration.ofMillis(Long.parseLong(args[3])),
        FastSite.Mode.valueOf(args[4].toUpperCase(java.util.Locale.ROOT)), args[5].equals("heavy"),
        Integer.parseInt(args[6]));
    FastSite site = FastSite.start(config);
    System.out.println("port " + site.port());
    System.out.println("page of article 0: " + site.pageLength(0) + " bytes, " + site.articleUrl(0));
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        site.close();
      } catch (Exception e) {
        // stopping anyway
      }
    }));
    CountDownLatch parentGone = new CountDownLatch(1);
    Thread watch = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // a parent's stdin closing (it exited) ends the site
        }
      } catch (java.io.IOException e) {
        // gone
      }
      parentGone.countDown();
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
    parentGone.await();
    SiteStats[] polite = site.politeness();
    System.out.printf(java.util.Locale.ROOT, "politeness (ingest's requests, at the site): most at once on one host %d;"
        + " shortest gap between two requests to one host %.1f ms received by Jetty, %.1f ms at the handler"
        + " (median host's shortest %.1f / %.1f ms), %d hosts%n", polite[1].maxConcurrencyAnyHost(),
        polite[0].minGapMillisAnyHost(), polite[1].minGapMillisAnyHost(), polite[0].medianHostMinGapMillis(),
        polite[1].medianHostMinGapMillis(), polite[1].hostsSeen());
    long[] s = site.served();
    System.out.println("served pages " + s[0] + ", page 304s " + s[1] + ", feeds " + s[2] + ", feed 304s " + s[3]);
    site.close();
  }
}
