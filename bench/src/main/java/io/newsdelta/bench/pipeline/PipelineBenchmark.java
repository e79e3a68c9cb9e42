package io.newsdelta.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsdelta.bench.edit.Editor;
import io.newsdelta.bench.edit.Ledger;
import io.newsdelta.bench.site.Boilerplate;
import io.newsdelta.bench.site.NewsSite;
import io.newsdelta.bench.site.SiteConfig;
import io.newsdelta.bench.site.SiteStats;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.stories.StoriesService;
import io.newsdelta.stories.stream.StoriesTopology;
import io.newsdelta.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline measured: the simulated site, {@code newsdelta.jar run} as a child process with a
 * generated config, a webhook receiver, the editor; one JSON report.
 *
 * <p>Phases: <b>first pass</b> (until every article was fetched once, or {@code --discovery-timeout});
 * <b>catch-up</b> (until the diff worker has versioned the first pass, or {@code --catch-up-timeout});
 * <b>window</b> ({@code --duration}: the editor works, rates are measured); <b>settle</b> (until every
 * edit of the window was alerted, or {@code --settle-timeout}). Nothing waits without a bound, so a slow
 * ingest gives a report of what it managed, not a hang.
 */
@Command(name = "PipelineBenchmark", mixinStandardHelpOptions = true,
    description = "Runs the simulated site and the whole pipeline; prints and writes one JSON report.")
public final class PipelineBenchmark implements Callable<Integer> {

  @Option(names = "--articles", description = "tracked articles in all (default ${DEFAULT-VALUE})")
  int articles = 1000;
  @Option(names = "--feeds", description = "RSS feeds (default ${DEFAULT-VALUE})")
  int feeds = 10;
  @Option(names = "--hosts", description = "host names 127.0.0.1..N, at most 254 (default ${DEFAULT-VALUE})")
  int hosts = 200;
  @Option(names = "--seed", description = "the site's seed (default ${DEFAULT-VALUE})")
  long seed = 1;
  @Option(names = "--boilerplate", description = "every-request or on-change (default ${DEFAULT-VALUE})")
  String boilerplate = "every-request";
  @Option(names = "--site-latency", description = "added before each response (default ${DEFAULT-VALUE})")
  String siteLatency = "0ms";
  @Option(names = "--site-threads", description = "the site's worker threads (default ${DEFAULT-VALUE})")
  int siteThreads = 64;
  @Option(names = "--recheck-gap", description = "every gap of ingest.article-recheck (default ${DEFAULT-VALUE})")
  String recheckGap = "10s";
  @Option(names = "--feed-poll", description = "ingest.feed-poll-interval (default ${DEFAULT-VALUE})")
  String feedPoll = "10s";
  @Option(names = "--fetch-concurrency", description = "ingest.fetch-concurrency; 0 keeps the pipeline's default")
  int fetchConcurrency = 0;
  @Option(names = "--edit-due-within", description = "edit only articles whose next check is due within this "
      + "(0s: any article); for long re-check gaps (default ${DEFAULT-VALUE})")
  String editDueWithin = "0s";
  @Option(names = "--catch-up-timeout", description = "the longest wait after the first pass for the diff worker and the stories job "
      + "to version it, before the window starts (default ${DEFAULT-VALUE})")
  String catchUpTimeout = "600s";
  @Option(names = "--discovery-timeout", description = "the longest first pass (default ${DEFAULT-VALUE})")
  String discoveryTimeout = "300s";
  @Option(names = "--duration", description = "the measuring window (default ${DEFAULT-VALUE})")
  String duration = "120s";
  @Option(names = "--settle-timeout", description = "the longest wait for the window's alerts (default ${DEFAULT-VALUE})")
  String settleTimeout = "120s";
  @Option(names = "--edit-rate", description = "real edits per second (default ${DEFAULT-VALUE})")
  double editRate = 2;
  @Option(names = "--rerender-rate", description = "boilerplate-only re-renders per second (default ${DEFAULT-VALUE})")
  double rerenderRate = 2;
  @Option(names = "--heap", description = "the pipeline's -Xmx (default ${DEFAULT-VALUE})")
  String heap = "2g";
  @Option(names = "--jvm-option", description = "one more option for the pipeline's JVM, such as -XX:+UseSerialGC (repeatable)")
  List<String> jvmOptions = new ArrayList<>();
  @Option(names = "--jar", description = "the launcher (default ${DEFAULT-VALUE})")
  Path jar = Path.of("app/target/newsdelta.jar");
  @Option(names = "--bootstrap-servers", description = "an external cluster; empty: the embedded broker")
  String bootstrapServers = "";
  @Option(names = "--broker-log-dir", description = "the external broker's log dir, to count bytes written")
  Path brokerLogDir;
  @Option(names = "--work-dir", description = "config, logs and the embedded broker's data (default ${DEFAULT-VALUE})")
  Path workDir = Path.of("bench/target/pipeline-bench");
  @Option(names = "--out", description = "the JSON report (default ${DEFAULT-VALUE})")
  Path out = Path.of("bench/target/pipeline-report.json");
  @Option(names = "--no-stories", description = "run without the stories job (stories.enabled: false), whose "
      + "first pass bands every article's first version")
  boolean noStories;
  @Option(names = "--quiet", description = "no progress lines on standard error")
  boolean quiet;

  private PipelineBenchmark() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
  }

  /** Runs with these command-line arguments and returns the report (also written to {@code --out}). */
  public static Report run(String... args) throws Exception {
    PipelineBenchmark b = new PipelineBenchmark();
    new CommandLine(b).parseArgs(args);
    return b.measure();
  }

  @Override
  public Integer call() throws Exception {
    Report report = measure();
    System.out.println(mapper().writeValueAsString(report));
    return 0;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  Report measure() throws Exception {
    Duration gap = millis(recheckGap);
    Duration discovery = seconds(discoveryTimeout);
    Duration window = seconds(duration);
    Duration settle = seconds(settleTimeout);
    Boilerplate mode = boilerplate.equals("on-change") ? Boilerplate.ON_CHANGE : Boilerplate.EVERY_REQUEST;
    Path dir = workDir.toAbsolutePath().resolve("run-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    SiteConfig siteConfig = new SiteConfig(seed, feeds, articles, hosts, mode, millis(siteLatency), siteThreads);
    // Enough re-checks to cover the whole run: after the last gap ingest stops checking an article.
    long gaps = discovery.plus(window).plus(settle).toMillis() / Math.max(1, gap.toMillis()) + 10;

    try (NewsSite site = NewsSite.start(siteConfig); AlertReceiver hook = new AlertReceiver()) {
      boolean embedded = bootstrapServers.isBlank();
      int kafkaPort = embedded ? freePort() : 0;
      String bootstrap = embedded ? "127.0.0.1:" + kafkaPort : bootstrapServers;
      Path config = ConfigFile.write(dir, site, siteConfig, hook.url(), bootstrapServers, kafkaPort, recheckGap,
          (int) gaps, feedPoll, fetchConcurrency, !noStories);
      Path logDir = embedded ? dir.resolve("kafka") : brokerLogDir;
      Ledger ledger = new Ledger();
      Editor editor = new Editor(site.newsroom(), ledger, seed + 1);
      long started = System.currentTimeMillis();
      try (ChildPipeline child = ChildPipeline.start(jar.toAbsolutePath(), config, heap, jvmOptions, dir);
           KafkaMeter kafka = new KafkaMeter(bootstrap)) {
        progress("pipeline pid %d started; config %s", child.pid(), config);
        until(() -> kafka.ready(), Duration.ofSeconds(180), child, "the pipeline's topics");

        // First pass: every article fetched once.
        long discoveryEnd = System.currentTimeMillis() + discovery.toMillis();
        while (site.newsroom().requested() < articles && System.currentTimeMillis() < discoveryEnd && child.alive()) {
          Thread.sleep(1000);
          progress("first pass: %d of %d articles fetched", site.newsroom().requested(), articles);
        }
        int firstPassTracked = site.newsroom().requested();
        double firstPassSeconds = (System.currentTimeMillis() - started) / 1000.0;
        alive(child);

        // Catch-up: the window measures steady state, not the first pass's backlog in the diff worker and the
        // stories job (its band stage: every first version joins 64 bands).
        long catchUpEnd = System.currentTimeMillis() + seconds(catchUpTimeout).toMillis();
        int partitions = (int) kafka.endOffsets().keySet().stream()
            .filter(tp -> tp.topic().equals(Topics.RAW_VERSIONS)).count();
        List<String> storiesInputs = noStories ? List.of() : STORIES_INPUTS;
        long lag = backlog(kafka, storiesInputs);
        // a caught-up transactional reader still shows up to a marker or two per partition until its next commit
        long caughtUpLag = 2L * partitions * (1 + storiesInputs.size());
        while (lag > caughtUpLag && System.currentTimeMillis() < catchUpEnd && child.alive()) {
          Thread.sleep(1000);
          lag = backlog(kafka, storiesInputs);
          progress("catch-up: the diff worker and the stories job have %d records to go", lag);
        }
        boolean caughtUp = lag <= caughtUpLag;
        double caughtUpSeconds = caughtUp ? (System.currentTimeMillis() - started) / 1000.0 : -1;
        alive(child);

        // Window: the editor works; rates measured between two snapshots.
        Snapshot s0 = Snapshot.take(site, child, kafka, logDir);
        StageClock clock = kafka.stageClock(s0.offsets.keySet().stream()
            .filter(tp -> !tp.topic().equals(Topics.ARTICLE_VERSIONS)).toList());
        editor.onlyDueWithin(gap, seconds(editDueWithin));
        editor.start(editRate, rerenderRate);
        long windowEnd = System.currentTimeMillis() + window.toMillis();
        while (System.currentTimeMillis() < windowEnd && child.alive()) {
          Thread.sleep(Math.min(5000, Math.max(1, windowEnd - System.currentTimeMillis())));
          progress("window: %d checks, %d alerts", site.counters().snapshot().articleRequests(), hook.alerts().size());
        }
        editor.close();
        alive(child);
        Snapshot s1 = Snapshot.take(site, child, kafka, logDir);

        // Settle: the window's edits reach their alerts.
        long settleEnd = System.currentTimeMillis() + settle.toMillis();
        Scoring.Result score = Scoring.score(ledger, hook.alerts(), gap.toMillis());
        while (score.missed() > 0 && System.currentTimeMillis() < settleEnd && child.alive()) {
          Thread.sleep(1000);
          score = Scoring.score(ledger, hook.alerts(), gap.toMillis());
          progress("settle: %d of %d edits alerted", score.detected(), score.realEdits());
        }
        // Late alerts for boilerplate would come at the next checks: give them one more gap.
        Thread.sleep(Math.min(gap.toMillis(), 15_000));
        List<Alert> alerts = hook.alerts();
        score = Scoring.score(ledger, alerts, gap.toMillis());
        long rss = child.peakRssBytes();
        long liveAfterFullGc = child.liveHeapAfterFullGc();
        long[] versions = kafka.committed(Topics.ARTICLE_VERSIONS, s0.offsets, s1.offsets);
        long[] changes = kafka.committed(Topics.ARTICLE_CHANGES, s0.offsets, s1.offsets);
        clock.close();
        Report.Stages stages = stages(score.matched(), clock);
        child.close();
        long[] heapFigures = child.heapFromGcLog();
        Report report = report(site, siteConfig, s0, s1, score, stages, versions, changes, rss, heapFigures,
            liveAfterFullGc,
            firstPassTracked, firstPassSeconds, caughtUpSeconds, alerts.size(), embedded ? "embedded" : bootstrapServers,
            gap);
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper().writeValue(out.toFile(), report);
        mapper().writeValue(dir.resolve("report.json").toFile(), report);
        progress("report written to %s", out);
        return report;
      }
    }
  }

  private static final List<String> STORIES_INPUTS = StoriesTopology.inputTopics(StoriesService.APPLICATION_ID);

  /** Records the diff worker and the stories job (reading {@code storiesInputs}) have yet to process. */
  private static long backlog(KafkaMeter kafka, List<String> storiesInputs) {
    long lag = kafka.lag(DiffWorkerService.APPLICATION_ID, Topics.RAW_VERSIONS);
    for (String topic : storiesInputs) {
      lag += kafka.lag(StoriesService.APPLICATION_ID, topic);
    }
    return lag;
  }

  /** The detected edits' pipeline latency by stage, for those whose two records the clock saw. */
  static Report.Stages stages(List<Alert> matched, StageClock clock) {
    List<Long> ingest = new java.util.ArrayList<>();
    List<Long> worker = new java.util.ArrayList<>();
    List<Long> notifier = new java.util.ArrayList<>();
    for (Alert a : matched) {
      long raw = clock.rawSeen(a.url(), a.toObservedAtMillis());
      long change = clock.changeSeen(a.url(), a.toObservedAtMillis());
      if (raw < 0 || change < 0) {
        continue;
      }
      ingest.add(raw - a.toObservedAtMillis());
      worker.add(change - raw);
      notifier.add(a.arrivalMillis() - change);
    }
    long[] i = Scoring.sorted(ingest);
    long[] w = Scoring.sorted(worker);
    long[] n = Scoring.sorted(notifier);
    return new Report.Stages(i.length,
        Scoring.percentile(i, 50), Scoring.percentile(i, 95), Scoring.percentile(i, 99),
        Scoring.percentile(w, 50), Scoring.percentile(w, 95), Scoring.percentile(w, 99),
        Scoring.percentile(n, 50), Scoring.percentile(n, 95), Scoring.percentile(n, 99));
  }

  private Report report(NewsSite site, SiteConfig sc, Snapshot s0, Snapshot s1, Scoring.Result score,
      Report.Stages stages, long[] versions, long[] changes, long rss, long[] heapFigures, long liveAfterFullGc,
      int firstPassTracked, double firstPassSeconds,
      double caughtUpSeconds, int alerts, String kafka, Duration gap) {
    double secs = (s1.atMillis - s0.atMillis) / 1000.0;
    long checks = s1.site.articleRequests() - s0.site.articleRequests();
    long notModified = s1.site.articleNotModified() - s0.site.articleNotModified();
    long raw = KafkaMeter.delta(s0.offsets, s1.offsets, Topics.RAW_VERSIONS);
    double cpu = s1.cpuSeconds - s0.cpuSeconds;
    long kafkaBytes = s0.logBytes() < 0 || s1.logBytes() < 0 ? -1 : s1.logBytes() - s0.logBytes();
    int tracked = site.newsroom().requested();
    SiteStats end = site.counters().snapshot();
    double perCheck = checks == 0 ? -1 : (double) kafkaBytes / checks;
    return new Report(
        new Report.Setup(articles, feeds, hosts, boilerplate, sc.latency().toMillis(), gap.toSeconds(),
            seconds(feedPoll).toSeconds(), Math.round(secs), editRate, rerenderRate, heap, kafka, command()),
        new Report.FirstPass(tracked, firstPassSeconds, firstPassTracked >= articles, caughtUpSeconds),
        new Report.Throughput(checks / secs, checks == 0 ? 0 : (double) notModified / checks,
            s1.site.feedRequests() - s0.site.feedRequests(), raw / secs, versions[0] / secs, changes[0] / secs),
        new Report.Detection(score.realEdits(), score.boilerplateChanges(), score.detected(), score.missed(),
            score.unexplainedAlerts(), alerts,
            score.unexplained().subList(0, Math.min(5, score.unexplained().size())),
            score.missedEdits().subList(0, Math.min(20, score.missedEdits().size()))),
        new Report.Latency(
            Scoring.percentile(score.editToAlert(), 50), Scoring.percentile(score.editToAlert(), 95),
            Scoring.percentile(score.editToAlert(), 99),
            Scoring.percentile(score.beyondWait(), 50), Scoring.percentile(score.beyondWait(), 95),
            Scoring.percentile(score.beyondWait(), 99),
            Scoring.percentile(score.pipelineOwn(), 50), Scoring.percentile(score.pipelineOwn(), 95),
            Scoring.percentile(score.pipelineOwn(), 99),
            Scoring.percentile(score.recheckLateness(), 50), Scoring.percentile(score.recheckLateness(), 99)),
        stages,
        new Report.Cost(mib(heapFigures[0]), mib(heapFigures[1]), mib(rss), checks == 0 ? -1 : cpu / checks,
            kafkaBytes, perCheck, kafkaBytes < 0 || tracked == 0 ? -1 : kafkaBytes / secs * 86_400 / tracked,
            checks == 0 ? -1 : (double) (versions[1] + changes[1]) / checks,
            kafkaBytes < 0 ? Map.of() : LogBytes.growth(s0.logBytesByTopic, s1.logBytesByTopic),
            liveAfterFullGc < 0 ? -1 : mib(liveAfterFullGc)),
        end,
        new Report.Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMib(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
            "shared with other builds; figures from one run"));
  }

  private String command() {
    return String.format(Locale.ROOT, "--articles %d --feeds %d --hosts %d --boilerplate %s --site-latency %s "
        + "--recheck-gap %s --feed-poll %s --duration %s --edit-rate %s --rerender-rate %s --heap %s --edit-due-within %s",
        articles, feeds, hosts, boilerplate, siteLatency, recheckGap, feedPoll, duration, editRate, rerenderRate, heap,
        editDueWithin)
        + jvmOptions.stream().map(o -> " --jvm-option " + o).collect(Collectors.joining())
        + (noStories ? " --no-stories" : "")
        + Optional.ofNullable(System.getenv("MALLOC_ARENA_MAX")).map(n -> " (MALLOC_ARENA_MAX=" + n + ")").orElse("");
  }

  /** The counters at one instant. */
  /** @param logBytesByTopic the broker's segment bytes by topic; null when its log dir is unknown */
  private record Snapshot(long atMillis, SiteStats site, double cpuSeconds, Map<TopicPartition, Long> offsets,
      Map<String, Long> logBytesByTopic) {
    static Snapshot take(NewsSite site, ChildPipeline child, KafkaMeter kafka, Path logDir) {
      return new Snapshot(System.currentTimeMillis(), site.counters().snapshot(), child.cpuSeconds(),
          kafka.endOffsets(), logDir == null || !Files.isDirectory(logDir) ? null : LogBytes.byTopic(logDir));
    }

    /** All segment bytes, or -1 when the log dir is unknown. */
    long logBytes() {
      return logBytesByTopic == null ? -1 : logBytesByTopic.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private void until(java.util.function.BooleanSupplier done, Duration timeout, ChildPipeline child, String what)
      throws InterruptedException {
    long end = System.currentTimeMillis() + timeout.toMillis();
    while (!done.getAsBoolean()) {
      alive(child);
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + timeout);
      }
      Thread.sleep(500);
    }
  }

  private static void alive(ChildPipeline child) {
    if (!child.alive()) {
      throw new IllegalStateException("the pipeline exited with status " + child.exitCode()
          + "; see pipeline.log in the work directory");
    }
  }

  private void progress(String format, Object... args) {
    if (!quiet) {
      System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
  }

  static Duration seconds(String d) {
    return millis(d);
  }

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}. */
  static Duration millis(String d) {
    String s = d.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    }
    long n = Long.parseLong(s.substring(0, s.length() - 1));
    return switch (s.charAt(s.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("a duration like 500ms, 10s, 5m, 2h: " + d);
    };
  }

  private static double mib(long bytes) {
    return bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  private static long totalMemoryMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

}
