package io.newsdelta.ingest;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.FeedPoller;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.ingest.registry.FeedRegistry.Started;
import io.newsdelta.ingest.registry.FeedRegistry.Stopped;
import io.newsdelta.ingest.registry.RegistryConsumer;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.StateRestorer;
import io.newsdelta.ingest.watch.ArticleWatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls the feeds of the registry, fetches new articles at once and again on the
 * re-check schedule, and publishes a raw version whenever an article's body changed. Its per-article
 * state lives in the compacted {@code newsdelta.ingest.state} topic and is read back whenever it takes
 * over feeds, so a restart or a rebalance neither re-announces articles nor re-fetches those that are not
 * due.
 *
 * <p>The compacted {@code newsdelta.feeds} topic (key = feed URL) is the list of feeds to poll: at start
 * each instance registers its configured feeds there (again and again, which changes nothing), and any
 * tool can add a feed with a registration or remove one with a tombstone. Instances share the feeds
 * through consumer group {@code newsdelta-ingest}: each polls exactly the feeds on the registry partitions
 * assigned to it, and checks exactly the articles of those feeds (an article belongs to the feed it was
 * first found in). When partitions move, the old owner stops and finishes its checks in flight before the
 * new owner reads the articles' state and carries on with their schedule. An article listed in two feeds
 * owned by two instances may be fetched by both; the diff worker drops the identical text.
 *
 * <p>Threads: one registers the configured feeds and then ticks the due-check dispatcher; one follows
 * the registry; a small pool polls feeds; {@code fetchConcurrency} threads fetch article pages.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration DISPATCH_TICK = Duration.ofMillis(100);
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final Duration CLOSE_BUDGET = Duration.ofSeconds(30);
  /** Fetches in flight at close or hand-over get this long to finish; an abandoned one simply runs again. */
  private static final Duration FETCH_GRACE = Duration.ofSeconds(10);
  /** Left at close for the registry consumer to leave the group, so the feeds move at once. */
  private static final Duration REGISTRY_STOP = Duration.ofSeconds(6);
  private static final int FEED_THREADS = 4;

  private final IngestConfig config;
  private final String bootstrapServers;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean stopping;

  private ScheduledExecutorService control;
  private ScheduledExecutorService feedPool;
  private ExecutorService fetchPool;
  private IngestPublisher publisher;
  private ArticleWatcher watcher;
  private HttpFetcher fetcher;
  private RegistryConsumer registry;
  private Thread registryThread;
  private final Map<URI, ScheduledFuture<?>> polled = new ConcurrentHashMap<>();
  private final Set<URI> listedFeeds = ConcurrentHashMap.newKeySet();

  /** The service on the system clock. */
  public IngestService(IngestConfig config, String bootstrapServers) {
    this(config, bootstrapServers, Clock.systemUTC());
  }

  /**
   * The service on a given clock, which stamps discoveries, fetches and checks (tests move it to make
   * checks due).
   */
  public IngestService(IngestConfig config, String bootstrapServers, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the service and returns at once: in the background it registers the configured feeds, joins
   * consumer group {@code newsdelta-ingest} on the feed registry, reads the state of the articles of the
   * feeds it is given, polls each of those feeds every {@code feedPollInterval} (the first poll at once)
   * and fetches their articles as they come due.
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
    control = Executors.newSingleThreadScheduledExecutor(threads("ingest-control"));
    feedPool = Executors.newScheduledThreadPool(FEED_THREADS, threads("ingest-feed"));
    fetchPool = Executors.newFixedThreadPool(Math.max(1, config.fetchConcurrency()), threads("ingest-fetch"));
    publisher = new IngestPublisher(bootstrapServers);
    watcher = new ArticleWatcher(schedule, fetcher, publisher, clock, fetchPool, config.fetchConcurrency());
    this.fetcher = fetcher;
    LOG.info("Starting ingest: {} configured feeds (and any other in {}) every {}, re-checks {}, {} fetches at once",
        config.feeds().size(), Topics.FEEDS, config.feedPollInterval(), config.articleRecheck(),
        config.fetchConcurrency());
    control.execute(this::startUp);
  }

  /** Registers the configured feeds (retrying while Kafka cannot take them), then follows the registry. */
  private void startUp() {
    if (stopping) {
      return;
    }
    List<FeedRegistration> configured =
        config.feeds().stream().map(f -> new FeedRegistration(f.url().toString(), f.name())).toList();
    try {
      publisher.registerFeeds(configured, REGISTER_TIMEOUT);
    } catch (NewsdeltaException e) {
      if (stopping) {
        return;
      }
      LOG.error("Cannot start ingest yet: {}; trying again in {} s", e.getMessage(), RETRY.toSeconds());
      control.schedule(this::startUp, RETRY.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    control.scheduleWithFixedDelay(this::dispatch, 0, DISPATCH_TICK.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (this) {
      if (stopping) {
        return;
      }
      registry = new RegistryConsumer(bootstrapServers, new Ownership());
      registryThread = threads("ingest-registry").newThread(registry);
      registryThread.start();
    }
  }

  private FeedPoller poller(URI feedUrl) {
    return new FeedPoller(feedUrl, fetcher, publisher, watcher, this::listed, clock, () -> stopping);
  }

  /**
   * Feeds an OPML list names are registered (once per run) like configured ones; whichever instance owns
   * their partition polls them, until they are removed from the registry.
   */
  private void listed(List<URI> feedUrls, URI listUrl) {
    for (URI feedUrl : feedUrls) {
      if (!stopping && !polled.containsKey(feedUrl) && listedFeeds.add(feedUrl)) {
        LOG.info("Registering feed {}, listed in {}", feedUrl, listUrl);
        publisher.registerFeed(new FeedRegistration(feedUrl.toString(), "listed in " + listUrl));
      }
    }
  }

  /** The feeds this instance polls now (for tests). */
  Set<URI> polledFeeds() {
    return Set.copyOf(polled.keySet());
  }

  private void dispatch() {
    try {
      watcher.dispatchDue();
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while dispatching due checks", e);
    }
  }

  /** Starts and stops feeds as the registry and the assignment say; called on the registry thread. */
  private final class Ownership implements RegistryConsumer.Listener {
    @Override
    public boolean assigning(Set<Integer> partitions) {
      while (!stopping) {
        try {
          watcher.refresh(new StateRestorer(bootstrapServers, RESTORE_TIMEOUT).restore());
          LOG.info("Ingest knows {} articles; taking over the feeds of partitions {} of {}",
              watcher.knownArticles(), partitions, Topics.FEEDS);
          return true;
        } catch (NewsdeltaException e) {
          if (stopping) {
            break;
          }
          LOG.error("Cannot take over the feeds of partitions {} yet: {}; trying again in {} s", partitions,
              e.getMessage(), RETRY.toSeconds());
          awaitClosing(RETRY);
        }
      }
      return false;
    }

    @Override
    public void started(Started feed) {
      if (stopping) {
        return;
      }
      URI url = feed.feedUrl();
      int waiting = watcher.own(url.toString());
      try {
        polled.computeIfAbsent(url, u -> feedPool.scheduleAtFixedRate(poller(u)::poll, 0,
            config.feedPollInterval().toMillis(), TimeUnit.MILLISECONDS));
      } catch (RejectedExecutionException e) {
        LOG.debug("Not polling {}: ingest is stopping", url);
        return;
      }
      LOG.info("Polling feed {} (partition {} of {}; {} of its articles have checks left)", url,
          feed.partition(), Topics.FEEDS, waiting);
    }

    @Override
    public void stopped(List<Stopped> feeds, boolean handOver) {
      List<String> urls = new ArrayList<>();
      for (Stopped feed : feeds) {
        ScheduledFuture<?> polling = polled.remove(feed.feedUrl());
        if (polling != null) {
          polling.cancel(false);
        }
        urls.add(feed.feedUrl().toString());
      }
      Duration wait = handOver && !stopping ? handOverWait() : Duration.ZERO;
      if (!watcher.release(urls, wait) && !wait.isZero() && !stopping) {
        LOG.warn("Handing over feeds {} with article checks still running after {} s; the next owner may "
            + "fetch those articles again", urls, wait.toSeconds());
      }
      if (!stopping && !urls.isEmpty()) {
        LOG.info("Stopped polling {} feeds{}: {}", urls.size(), handOver ? ", handed over" : "", urls);
      }
    }
  }

  private Duration handOverWait() {
    return Duration.ofMillis(Math.min(config.fetchTimeout().toMillis() + 1000, FETCH_GRACE.toMillis()));
  }

  private void awaitClosing(Duration wait) {
    try {
      closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops within 30 s: polling stops at once, fetches in flight are given the time left to finish (those
   * that do not are abandoned, and run again after a restart), the producer is flushed and closed, and
   * only then the instance leaves the consumer group, so the next owner of its feeds reads their final
   * state.
   */
  @Override
  public void close() {
    if (!started.get() || !closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
    LOG.info("Stopping ingest");
    synchronized (this) {
      stopping = true;
    }
    closing.countDown();
    feedPool.shutdownNow();
    control.shutdownNow();
    fetchPool.shutdown();
    try {
      long fetchWait = handOverWait().toMillis();
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
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) - REGISTRY_STOP.toMillis();
    publisher.close(Duration.ofMillis(Math.max(1000, Math.min(left, 10_000))));
    stopRegistry();
    LOG.info("Ingest stopped");
  }

  /** Leaves the group (the registry thread closes its consumer); interrupts it if it does not end in time. */
  private void stopRegistry() {
    RegistryConsumer consumer;
    Thread thread;
    synchronized (this) {
      consumer = registry;
      thread = registryThread;
    }
    if (consumer == null) {
      return;
    }
    consumer.stop();
    try {
      thread.join(REGISTRY_STOP.toMillis() - 1000);
      if (thread.isAlive()) {
        LOG.warn("The feed registry consumer did not stop in time; its feeds move when its session expires");
        thread.interrupt();
        thread.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
