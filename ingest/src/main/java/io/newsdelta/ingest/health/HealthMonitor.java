package io.newsdelta.ingest.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.error.ErrorReporter;
import io.newsdelta.ingest.poll.ArticleSink;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import io.newsdelta.ingest.watch.ArticleBook;
import io.newsdelta.metrics.MetricNames;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The health of one ingest instance's feeds and of its schedule. Each poll's outcome and the items it listed
 * come in through {@link #polled}, {@link #sink} and {@link #errors}; {@link #evaluate()} runs every {@link
 * #tick()} (and after each poll) and reports each change of state once: an {@link IngestError} on {@code
 * newsdelta.ingest.errors} (whose reporter also writes the log line), the gauges, and {@link #healthProblems()}. Each
 * feed's {@link FeedStatus} is written at once when it changes and at least every {@code ingest.status-interval}
 * otherwise. Thread-safe.
 */
public final class HealthMonitor {
  /** Where feed statuses go (the compacted {@code newsdelta.feeds.status}); null removes one. */
  @FunctionalInterface
  public interface StatusWriter {
    void write(String feedUrl, FeedStatus status);
  }

  private static final int NAMED = 5;

  private final IngestConfig.Health config;
  private final String owner;
  private final Clock clock;
  private final ErrorReporter errors;
  private final StatusWriter statuses;
  private final Supplier<ArticleBook.Overdue> overdue;
  private final Map<String, Tracked> feeds = new LinkedHashMap<>();
  private boolean lagging;
  private volatile Duration lag = Duration.ZERO;
  private volatile int staleCount;
  private volatile int failingCount;

  private static final class Tracked {
    final FeedHealth health;
    final Set<String> found = ConcurrentHashMap.newKeySet();
    Object written;
    Instant writtenAt;

    Tracked(FeedHealth health) {
      this.health = health;
    }
  }

  /**
   * @param config the thresholds
   * @param owner this instance's name, written in each status
   * @param clock stamps polls and alerts
   * @param errors where the alerts go (log line and event)
   * @param statuses where feed statuses go
   * @param overdue this instance's due article checks not done yet
   */
  public HealthMonitor(IngestConfig.Health config, String owner, Clock clock, ErrorReporter errors,
      StatusWriter statuses, Supplier<ArticleBook.Overdue> overdue) {
    this.config = config;
    this.owner = owner;
    this.clock = clock;
    this.errors = errors;
    this.statuses = statuses;
    this.overdue = overdue;
  }

  /** How often {@link #evaluate()} should run: a tenth of the shortest threshold, from 100 ms to 30 s. */
  public Duration tick() {
    long shortest = java.util.stream.Stream.of(config.staleAfter(), config.failingAfter(), config.lagAfter())
        .filter(d -> !d.isZero()).mapToLong(Duration::toMillis).min().orElse(300_000);
    return Duration.ofMillis(Math.max(100, Math.min(30_000, shortest / 10)));
  }

  /**
   * A name for this ingest instance: the host name ({@code HOSTNAME}, a container's name), the process id and a
   * short random part, so two instances in one process are told apart too.
   */
  public static String instanceName() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "localhost";
      }
    }
    return host + "/" + ProcessHandle.current().pid() + "/"
        + java.util.UUID.randomUUID().toString().substring(0, 4);
  }

  /** This instance's name in statuses and lag alerts. */
  public String owner() {
    return owner;
  }

  /** Starts following a feed this instance now polls. */
  public synchronized void started(URI feedUrl, String kind) {
    feeds.put(feedUrl.toString(), new Tracked(new FeedHealth(feedUrl.toString(), kind, clock.instant())));
  }

  /**
   * Stops following a feed.
   *
   * @param removed true when it left the registry: its status is removed too (a feed handed over keeps its
   *     status until the new owner writes its own)
   */
  public synchronized void stopped(URI feedUrl, boolean removed) {
    if (feeds.remove(feedUrl.toString()) != null && removed) {
      statuses.write(feedUrl.toString(), null);
    }
    count();
  }

  /** {@code next}, noting each item a poll of {@code feedUrl} lists. */
  public ArticleSink sink(URI feedUrl, ArticleSink next) {
    String key = feedUrl.toString();
    return (article, feed) -> {
      next.found(article, feed);
      Tracked t;
      synchronized (this) {
        t = feeds.get(key);
      }
      if (t != null) {
        t.found.add(article.toString());
      }
    };
  }

  /** {@link #errors} (given at construction), noting each failure reported for {@code feedUrl}. */
  public ErrorReporter errors(URI feedUrl) {
    String key = feedUrl.toString();
    return error -> {
      errors.report(error);
      synchronized (this) {
        Tracked t = feeds.get(key);
        if (t != null) {
          t.health.failed(error.message());
        }
      }
    };
  }

  /** A poll of {@code feedUrl} ended. */
  public void polled(URI feedUrl, Outcome outcome) {
    Instant now = clock.instant();
    synchronized (this) {
      Tracked t = feeds.get(feedUrl.toString());
      if (t == null || outcome == null) {
        return;
      }
      Set<String> found = new HashSet<>(t.found);
      t.found.clear();
      t.health.polled(now, outcome, found);
      check(t, now);
      count();
    }
  }

  /** Evaluates every feed and the lag at the clock's time; reports what changed. */
  public void evaluate() {
    Instant now = clock.instant();
    ArticleBook.Overdue due = overdue.get();
    synchronized (this) {
      for (Tracked t : feeds.values()) {
        check(t, now);
      }
      count();
      Duration behind = due.oldest() == null ? Duration.ZERO : Duration.between(due.oldest(), now);
      lag = behind;
      boolean laggingNow = !config.lagAfter().isZero() && behind.compareTo(config.lagAfter()) > 0;
      if (laggingNow != lagging) {
        lagging = laggingNow;
        errors.report(new IngestError(null, null, now,
            (laggingNow ? ErrorKind.INGEST_LAGGING : ErrorKind.INGEST_CAUGHT_UP).kind(), laggingNow
                ? "Ingest instance " + owner + " is behind its schedule: " + due.count() + " article checks are due,"
                    + " the oldest for " + FeedHealth.human(behind) + " (more than ingest.lag-after, "
                    + FeedHealth.human(config.lagAfter()) + "); raise ingest.fetch-concurrency, check the hosts that"
                    + " back off, or run another ingest instance to share the feeds"
                : "Ingest instance " + owner + " is back on its schedule (oldest due check waiting "
                    + FeedHealth.human(behind) + ")"));
      }
    }
  }

  private void check(Tracked t, Instant now) {
    for (FeedHealth.Transition tr : t.health.evaluate(now, config)) {
      errors.report(new IngestError(t.health.status(owner, now).url(), null, now, tr.kind().kind(), tr.message()));
    }
    Object signature = t.health.signature();
    if (!signature.equals(t.written) || t.writtenAt == null
        || !Duration.between(t.writtenAt, now).minus(config.statusInterval()).isNegative()) {
      statuses.write(t.health.status(owner, now).url(), t.health.status(owner, now));
      t.written = signature;
      t.writtenAt = now;
    }
  }

  private void count() {
    staleCount = (int) feeds.values().stream().filter(t -> t.health.stale()).count();
    failingCount = (int) feeds.values().stream().filter(t -> t.health.failing()).count();
  }

  /**
   * What is wrong but does not make the instance unready — stale or failing feeds, lag — or empty. Readiness is
   * for routing and restarts, which fix neither a quiet site nor a slow one.
   */
  public synchronized Optional<String> healthProblems() {
    List<String> parts = new ArrayList<>();
    describe(parts, "failing", feeds.entrySet().stream().filter(e -> e.getValue().health.failing())
        .map(Map.Entry::getKey).toList());
    describe(parts, "stale", feeds.entrySet().stream().filter(e -> e.getValue().health.stale())
        .map(Map.Entry::getKey).toList());
    if (lagging) {
      parts.add("lagging " + FeedHealth.human(lag) + " behind its schedule");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private static void describe(List<String> parts, String state, List<String> urls) {
    if (!urls.isEmpty()) {
      parts.add(urls.size() + " feeds " + state + " (" + urls.stream().limit(NAMED).collect(Collectors.joining(", "))
          + (urls.size() > NAMED ? ", …" : "") + ")");
    }
  }

  /** This instance's health as gauges: stale and failing feeds, the lag and whether it is lagging. */
  public void bind(MeterRegistry registry) {
    Gauge.builder(MetricNames.FEEDS_STALE, this, m -> m.staleCount)
        .description("Feeds of this ingest instance that are stale (ingest.stale-after)").register(registry);
    Gauge.builder(MetricNames.FEEDS_FAILING, this, m -> m.failingCount)
        .description("Feeds of this ingest instance that are failing (ingest.failing-after)").register(registry);
    Gauge.builder(MetricNames.INGEST_LAG, this, m -> m.lag.toMillis() / 1000.0).baseUnit("seconds")
        .description("How long the oldest due article check of this ingest instance has waited").register(registry);
    Gauge.builder(MetricNames.INGEST_LAGGING, this, m -> m.isLagging() ? 1 : 0)
        .description("1 while this ingest instance is behind its schedule by more than ingest.lag-after")
        .register(registry);
  }

  private synchronized boolean isLagging() {
    return lagging;
  }
}
