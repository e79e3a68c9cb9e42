package io.newsdelta.bench.site;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the simulated site alone, to measure its own ceiling with {@code wrk}:
 * {@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.site.SiteMain ARTICLES FEEDS HOSTS
 * every-request|on-change THREADS}. Prints one article URL and one feed URL, then serves until killed.
 */
public final class SiteMain {
  private SiteMain() {}

  public static void main(String[] args) throws InterruptedException {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Boilerplate mode = args.length > 3 && args[3].equals("on-change") ? Boilerplate.ON_CHANGE : Boilerplate.EVERY_REQUEST;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 32;
    NewsSite site = NewsSite.start(new SiteConfig(1, feeds, articles, hosts, mode, Duration.ZERO, threads));
    System.out.println(site.articleUrl(7));
    System.out.println(site.feedUrl(0));
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(site::close));
    new CountDownLatch(1).await();
  }
}
