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
    long[] s = site.served();
    System.out.println("served pages " + s[0] + ", page 304s " + s[1] + ", feeds " + s[2] + ", feed 304s " + s[3]);
    site.close();
  }
}
