package io.newsdelta.bench.ingest;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.bench.site.SiteUrls;
import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.IngestService;
import io.newsdelta.ingest.fetch.CommonPoolSizing;
import io.newsdelta.ingest.host.HostGate;
import io.newsdelta.ingest.watch.IngestCounters;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.net.AddressPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ingest's fetching at scale, measured: a {@link io.newsdelta.bench.site.FastSite} in a child JVM (Jetty, pages
 * rendered once, F feeds × A articles over H host addresses 127.0.0.1 … 127.0.0.H, a fixed latency per answer)
 * and, in this JVM, the real {@link IngestService} on a real embedded KRaft broker (as {@code run} has it), every
 * article re-checked every GAP. After every article had its first fetch, a window of W seconds is measured:
 * checks/s, the 304 share, full fetches/s, raw versions published/s, failures, the most requests in flight (over
 * all hosts and to one host, from ingest's own {@link HostGate}), heap and RSS of this JVM, and CPU per check
 * (this process: ingest and the broker). Then ingest stops and {@code wrk} (if on the PATH) measures the site's
 * own ceiling on the same kind of request, in the same minute.
 *
 * <p>With the default per-host limits (4 at once, 250 ms apart) 200 hosts allow at most 800 requests/s, so the run
 * gives each 127.0.0.x host an {@code ingest.hosts[]} entry (concurrency HOST_CONC, min-gap HOST_GAP_MS, 0 unless
 * given). With a gap, the run prints the shortest gap between two starts at one host as ingest's gate let them go,
 * and the site prints the same as it saw ingest's requests: when Jetty had read each one and when its handler began.
 *
 * <pre>{@code
 * java -Xmx512m -cp bench/target/benchmarks.jar io.newsdelta.bench.ingest.FetchLoadRun \
 *     steady|changing ARTICLES FEEDS HOSTS LATENCY_MS GAP_MS WINDOW_S FETCH_CONC HOST_CONC heavy|light [HOST_GAP_MS]
 * }</pre>
 */
public final class FetchLoadRun {
  private FetchLoadRun() {}

  public static void main(String[] args) throws Exception {
    CommonPoolSizing.apply(); // as `run` does: else the JDK HTTP client costs a new thread per request on 2 cores
    String mode = arg(args, 0, "steady");
    int articles = Integer.parseInt(arg(args, 1, "8000"));
    int feeds = Integer.parseInt(arg(args, 2, "200"));
    int hosts = Integer.parseInt(arg(args, 3, "200"));
    int latencyMs = Integer.parseInt(arg(args, 4, "10"));
    long gapMs = Long.parseLong(arg(args, 5, "2000"));
    int windowS = Integer.parseInt(arg(args, 6, "30"));
    int fetchConc = Integer.parseInt(arg(args, 7, "512"));
    int hostConc = Integer.parseInt(arg(args, 8, "8"));
    String weight = arg(args, 9, mode.equals("steady") ? "light" : "heavy");
    long hostGapMs = Long.parseLong(arg(args, 10, "0"));

    Process site = startSite(feeds, articles, hosts, latencyMs, mode, weight);
    BufferedReader siteOut = new BufferedReader(new InputStreamReader(site.getInputStream(), StandardCharsets.UTF_8));
    int port = -1;
    for (String line; (line = siteOut.readLine()) != null; ) {
      System.out.println("site: " + line);
      if (line.startsWith("port ")) {
        port = Integer.parseInt(line.substring(5));
      }
      if (line.startsWith("page of article 0")) {
        break;
      }
    }
    if (port < 0) {
      throw new IllegalStateException("the site did not start");
    }
    Path dir = Files.createTempDirectory("newsdelta-fetch-load");
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(6));
      IngestConfig config = config(port, feeds, hosts, gapMs, fetchConc, hostConc, hostGapMs);
      System.out.printf("ingest: %d articles in %d feeds on %d hosts, re-checked every %d ms (%,.0f checks/s asked),"
          + " %d checks at once, per host %d at once, min-gap %d ms (ingest.hosts[] entries)%n", articles, feeds,
          hosts, gapMs, articles * 1000.0 / gapMs, fetchConc, hostConc, hostGapMs);
      System.out.println("load before: " + uptime());
      try (IngestService ingest = new IngestService(config, broker.bootstrapServers())
          .withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        long t0 = System.nanoTime();
        ingest.start();
        awaitFirstPass(ingest, articles);
        System.out.printf("first pass: every article fetched once in %.1f s (%d checks)%n",
            (System.nanoTime() - t0) / 1e9, ingest.counters().checks());
        measure(ingest, windowS);
      }
    }
    System.out.println("load after ingest: " + uptime());
    wrk(mode, port);
    System.out.println("load after wrk: " + uptime());
    site.getOutputStream().close();
    site.waitFor(10, TimeUnit.SECONDS);
    for (String line; (line = siteOut.readLine()) != null; ) {
      System.out.println("site: " + line);
    }
    site.destroy();
  }

  private static IngestConfig config(int port, int feeds, int hosts, long gapMs, int fetchConc, int hostConc,
      long hostGapMs) {
    List<FeedConfig> feedList = new ArrayList<>();
    for (int f = 0; f < feeds; f++) {
      feedList.add(new FeedConfig(URI.create(new SiteUrls(hosts, port).feed(f)), "feed " + f));
    }
    List<IngestConfig.HostLimit> limits = new ArrayList<>();
    for (int h = 1; h <= hosts; h++) {
      limits.add(new IngestConfig.HostLimit("127.0.0." + h, hostConc, Duration.ofMillis(hostGapMs)));
    }
    // Enough gaps for the whole run: the schedule stops re-checking after its last gap.
    List<Duration> gaps = Collections.nCopies(2000, Duration.ofMillis(gapMs));
    return IngestConfig.builder()
        .feeds(feedList)
        .feedPollInterval(Duration.ofMinutes(10))
        .articleRecheck(gaps)
        .fetchConcurrency(fetchConc)
        .hosts(limits)
        .build();
  }

  private static void awaitFirstPass(IngestService ingest, int articles) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
    long last = -1;
    while (true) {
      IngestCounters.Snapshot s = ingest.counters();
      // Each article's first check is a full fetch; re-checks start while the last ones are still found.
      if (s.fullFetches() >= articles) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the first pass did not end in 8 minutes: " + s);
      }
      if (s.checks() / 2000 != last) {
        last = s.checks() / 2000;
        System.out.println("  ... " + s);
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private static void measure(IngestService ingest, int windowS) throws InterruptedException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // A few seconds for the re-checks to reach their pace before the window opens; -Dfetchload.warmup=SECONDS for
    // more, so that the JIT has compiled the broker, the client and the extractor before the window is measured.
    TimeUnit.SECONDS.sleep(Long.getLong("fetchload.warmup", 5));
    // -Dfetchload.jfr=FILE: a JFR profile of the window alone (the first pass, all parsing, would drown the rest).
    String jfrFile = System.getProperty("fetchload.jfr");
    jdk.jfr.Recording jfr = null;
    if (jfrFile != null) {
      try {
        jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        jfr.start();
      } catch (java.io.IOException | java.text.ParseException e) {
        System.out.println("no JFR profile: " + e.getMessage());
      }
    }
    IngestCounters.Snapshot a = ingest.counters();
    long cpu0 = os.getProcessCpuTime();
    long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    ThreadCpu threads0 = ThreadCpu.now();
    long t0 = System.nanoTime();
    long peakHeap = 0;
    long peakRss = 0;
    long end = t0 + TimeUnit.SECONDS.toNanos(windowS);
    while (System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(500);
      peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      peakRss = Math.max(peakRss, rssBytes());
    }
    IngestCounters.Snapshot b = ingest.counters();
    long cpu = os.getProcessCpuTime() - cpu0;
    long jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
    java.util.Map<String, Long> threads = ThreadCpu.now().since(threads0);
    if (jfr != null) {
      try {
        jfr.dump(Path.of(jfrFile));
      } catch (IOException e) {
        System.out.println("JFR profile not written: " + e.getMessage());
      }
      jfr.close();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    long checks = b.checks() - a.checks();
    long notModified = b.notModified() - a.notModified();
    long full = b.fullFetches() - a.fullFetches();
    long published = b.published() - a.published();
    System.out.printf("window: %.1f s%n", secs);
    System.out.printf("checks/s: %,.0f  (304s/s %,.0f = %.1f%% of checks; full fetches/s %,.0f; published/s %,.0f; "
        + "unchanged text %d; failures %d)%n", checks / secs, notModified / secs, 100.0 * notModified / Math.max(1, checks),
        full / secs, published / secs, b.unchangedText() - a.unchangedText(), b.failures() - a.failures());
    System.out.printf("state writes in the window: %d (kept in memory: %d)%n", b.stateWrites() - a.stateWrites(),
        b.stateWritesKept() - a.stateWritesKept());
    System.out.printf("CPU: %.2f ms per check (this process: ingest + broker), %.2f cores busy%n",
        cpu / 1e6 / Math.max(1, checks), cpu / 1e9 / secs);
    System.out.printf("JIT: %.1f s of compilation in the window (the compiler threads' elapsed time, %.2f ms per"
        + " check)%n", jitMs / 1e3, (double) jitMs / Math.max(1, checks));
    long javaThreads = threads.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(Locale.ROOT, "CPU per check by thread (ms): %s; the rest (GC, JIT, threads that ended) %.2f%n",
        threads.entrySet().stream().filter(e -> e.getValue() * 100 >= cpu)
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / Math.max(1, checks)))
            .collect(java.util.stream.Collectors.joining(", ")),
        (cpu - javaThreads) / 1e6 / Math.max(1, checks));
    HostGate gate = ingest.hostGate();
    int maxHost = 0;
    String busiest = "";
    for (String host : gate.hosts()) {
      HostGate.Seen seen = gate.seen(host);
      if (seen.maxInFlight() > maxHost) {
        maxHost = seen.maxInFlight();
        busiest = host;
      }
    }
    System.out.printf("in flight: peak %d requests over all hosts, peak %d at one host (%s), %d hosts seen%n",
        gate.maxInFlight(), maxHost, busiest, gate.hosts().size());
    long[] gaps = gate.hosts().stream().map(gate::seen).filter(x -> x.minGap() != null)
        .mapToLong(x -> x.minGap().toNanos()).sorted().toArray();
    if (gaps.length > 0) {
      System.out.printf(Locale.ROOT, "gaps at ingest's gate since start: shortest between two starts at one host"
          + " %.1f ms, median host's shortest %.1f ms (the site's own view is printed at the end)%n", gaps[0] / 1e6,
          gaps[gaps.length / 2] / 1e6);
    }
    System.out.printf("memory: heap peak %,d MB used of %,d MB max, RSS peak %,d MB%n", peakHeap >> 20,
        Runtime.getRuntime().maxMemory() >> 20, peakRss >> 20);
  }

  /** The site's own ceiling on the request the run measured: a 304 (ETag sent) or a full page. */
  private static void wrk(String mode, int port) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c128", "-d15s", "--latency"));
    if (mode.equals("steady")) {
      cmd.addAll(List.of("-H", "If-None-Match: \"a0-0\""));
    }
    cmd.add(new SiteUrls(1, port).article(0)); // article 0 is on 127.0.0.1 whatever the hosts
    System.out.println("site ceiling: " + String.join(" ", cmd));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      System.out.println("wrk not found (apt-get install -y wrk): the site's ceiling was not measured");
      return;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(l -> System.out.println("  wrk: " + l));
    }
    p.waitFor();
  }

  private static Process startSite(int feeds, int articles, int hosts, int latencyMs, String mode, String weight)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx1g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
        "io.newsdelta.bench.site.FastSiteMain", "" + feeds, "" + articles, "" + hosts, "" + latencyMs, mode, weight,
        "" + Math.max(64, 4 * latencyMs * 10));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String arg(String[] args, int i, String fallback) {
    return args.length > i ? args[i] : fallback;
  }
}
