package io.newsdelta.ingest;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.FeedPoller;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.state.StateRestorer;
import io.newsdelta.ingest.watch.ArticleWatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls the configured feeds, fetches new articles at once and again on the
 * re-check schedule, and publishes a raw version whenever an article's body changed. Its per-article
 * state lives in the compacted {@code newsdelta.ingest.state} topic and is read back at start, so a
 * restart neither re-announces articles nor re-fetches those that are not due.
 *
 * <p>Threads: one starts the service (restores state, then schedules the rest) and afterwards ticks the
 * due-check dispatcher; a small pool polls feeds; {@code fetchConcurrency} threads fetch article pages.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration DISPATCH_TICK = Duration.ofMillis(100);
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RESTORE_RETRY = Duration.ofSeconds(5);
  private static final Duration CLOSE_BUDGET = Duration.ofSeconds(30);
  /** Fetches in flight at close get this long to finish; an abandoned one simply runs again after a restart. */
  private static final Duration FETCH_GRACE = Duration.ofSeconds(10);
  private static final int MAX_FEED_THREADS = 4;

  private final IngestConfig config;
  private final String bootstrapServers;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean stopping;

  private ScheduledExecutorService control;
  private ScheduledExecutorService feedPool;
  private ExecutorService fetchPool;
  private IngestPublisher publisher;
  private ArticleWatcher watcher;
  private HttpFetcher fetcher;
  private final Map<URI, FeedPoller> polled = new ConcurrentHashMap<>();

  /** The service on the system clock. */
  public IngestService(IngestConfig config, String bootstrapServers) {
    this(config, bootstrapServers, Clock.systemUTC());
  }

  /**
   * The service on a given clock, which stamps discoveries, fetches and checks (tests move it to make
   * checks due).
   */
  public IngestService(IngestConfig config, String bootstrapServers, Clock clock) {
    this.config = validated(Objects.requireNonNull(config, "config"));
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the service and returns at once: in the background it reads its state back from Kafka, then
   * registers the feeds, polls each feed every {@code feedPollInterval} (the first poll at once) and
   * fetches articles as they come due.
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("IngestService already started");
    }
    RecheckSchedule schedule = new RecheckSchedule(config.articleRecheck());
    HttpFetcher fetcher =
        HttpFetcher.builder()
            .userAgent(config.userAgent())
            .timeout(config.fetchTimeout())
            .maxBytes(config.maxPageBytes())
            .clock(clock)
            .build();
    int feedThreads = Math.max(1, Math.min(config.feeds().size(), MAX_FEED_THREADS));
    control = Executors.newSingleThreadScheduledExecutor(threads("ingest-control"));
    feedPool = Executors.newScheduledThreadPool(feedThreads, threads("ingest-feed"));
    fetchPool = Executors.newFixedThreadPool(Math.max(1, config.fetchConcurrency()), threads("ingest-fetch"));
    publisher = new IngestPublisher(bootstrapServers);
    watcher = new ArticleWatcher(schedule, fetcher, publisher, clock, fetchPool, config.fetchConcurrency());
    this.fetcher = fetcher;
    List<FeedPoller> pollers = new ArrayList<>();
    for (FeedConfig feed : config.feeds()) {
      pollers.add(poller(feed.url()));
    }
    LOG.info("Starting ingest: {} feeds every {}, re-checks {}, {} fetches at once", config.feeds().size(),
        config.feedPollInterval(), config.articleRecheck(), config.fetchConcurrency());
    control.execute(() -> startUp(pollers));
  }

  private void startUp(List<FeedPoller> pollers) {
    if (stopping) {
      return;
    }
    Map<String, ArticleState> restored;
    try {
      restored = new StateRestorer(bootstrapServers, RESTORE_TIMEOUT).restore();
    } catch (RuntimeException e) {
      if (stopping) {
        return;
      }
      LOG.error("Cannot start ingest yet: {}; trying again in {} s", e.getMessage(), RESTORE_RETRY.toSeconds());
      control.schedule(() -> startUp(pollers), RESTORE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    watcher.restore(restored);
    LOG.info("Ingest knows {} articles, {} with checks left", watcher.knownArticles(), watcher.waitingArticles());
    for (FeedPoller poller : pollers) {
      schedule(poller);
    }
    control.scheduleWithFixedDelay(this::dispatch, 0, DISPATCH_TICK.toMillis(), TimeUnit.MILLISECONDS);
    for (FeedConfig feed : config.feeds()) {
      publisher.registerFeed(new FeedRegistration(feed.url().toString(), feed.name()));
    }
  }

  private FeedPoller poller(URI feedUrl) {
    return new FeedPoller(feedUrl, fetcher, publisher, watcher, this::listed, clock, () -> stopping);
  }

  private void schedule(FeedPoller poller) {
    if (polled.putIfAbsent(poller.feedUrl(), poller) == null) {
      try {
        feedPool.scheduleAtFixedRate(poller::poll, 0, config.feedPollInterval().toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.debug("Not polling {}: ingest is stopping", poller.feedUrl());
      }
    }
  }

  /** Feeds an OPML list names are polled like configured ones (until the next restart if dropped). */
  private void listed(List<URI> feedUrls, URI listUrl) {
    for (URI feedUrl : feedUrls) {
      if (!polled.containsKey(feedUrl) && !stopping) {
        LOG.info("Polling feed {}, listed in {}", feedUrl, listUrl);
        schedule(poller(feedUrl));
        publisher.registerFeed(new FeedRegistration(feedUrl.toString(), "listed in " + listUrl));
      }
    }
  }

  private void dispatch() {
    try {
      watcher.dispatchDue();
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while dispatching due checks", e);
    }
  }

  /**
   * Stops within 30 s: polling stops at once, fetches in flight are given the time left to finish (those
   * that do not are abandoned, and run again after a restart), the producer is flushed and closed.
   */
  @Override
  public void close() {
    if (!started.get() || !closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
    LOG.info("Stopping ingest");
    stopping = true;
    feedPool.shutdownNow();
    control.shutdownNow();
    fetchPool.shutdown();
    try {
      long fetchWait = Math.min(config.fetchTimeout().toMillis() + 1000, FETCH_GRACE.toMillis());
      if (!fetchPool.awaitTermination(fetchWait, TimeUnit.MILLISECONDS)) {
        LOG.warn("Abandoning article fetches still in flight; they run again after a restart");
        watcher.stop();
        fetchPool.shutdownNow();
      }
      watcher.stop();
      feedPool.awaitTermination(2, TimeUnit.SECONDS);
      control.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watcher.stop();
      fetchPool.shutdownNow();
    }
    long left = Math.max(1000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    publisher.close(Duration.ofMillis(Math.min(left, 10_000)));
    LOG.info("Ingest stopped");
  }

  /** The config, when every value can work; else one clear exception naming the key. */
  private static IngestConfig validated(IngestConfig config) {
    requirePositive("ingest.feed-poll-interval", config.feedPollInterval());
    requirePositive("ingest.fetch-timeout", config.fetchTimeout());
    for (Duration gap : config.articleRecheck()) {
      requirePositive("ingest.article-recheck", gap);
    }
    if (config.maxPageBytes() <= 0) {
      throw new NewsdeltaException("ingest.max-page-bytes is " + config.maxPageBytes() + "; it must be positive");
    }
    if (config.fetchConcurrency() <= 0) {
      throw new NewsdeltaException(
          "ingest.fetch-concurrency is " + config.fetchConcurrency() + "; it must be at least 1");
    }
    if (config.userAgent() == null || config.userAgent().isBlank()) {
      throw new NewsdeltaException("ingest.user-agent is empty; set it to name your crawler and a contact URL");
    }
    return config;
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new NewsdeltaException(key + " is " + value + "; it must be a positive duration such as 30s or 5m");
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
