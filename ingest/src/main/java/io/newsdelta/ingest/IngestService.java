package io.newsdelta.ingest;

import io.newsdelta.net.AddressPolicy;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Topics;
import io.newsdelta.config.SiteRule;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.host.HostGate;
import io.newsdelta.ingest.health.HealthMonitor;
import io.newsdelta.ingest.host.HostLimits;
import io.newsdelta.ingest.host.HostQueues;
import io.newsdelta.ingest.host.RobotsCache;
import io.newsdelta.ingest.watch.IngestCounters;
import io.newsdelta.ingest.metrics.IngestMeters;
import io.newsdelta.metrics.ServiceMetrics;
import java.util.Optional;
import io.newsdelta.ingest.poll.FeedPoller;
import io.newsdelta.ingest.poll.SourcePoller;
import io.newsdelta.ingest.sitemap.SitemapPoller;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.ingest.registry.FeedRegistry.Started;
import io.newsdelta.ingest.registry.FeedRegistry.Stopped;
import io.newsdelta.ingest.registry.RegistryConsumer;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.StateRestorer;
import io.newsdelta.ingest.watch.ArticleWatcher;
import io.newsdelta.ingest.websub.CallbackServer;
import io.newsdelta.ingest.websub.HubClient;
import io.newsdelta.ingest.websub.HubDiscovery;
import io.newsdelta.ingest.websub.WebSubSubscriber;
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
 * <p>Threads: one registers the configured feeds and times each feed's next poll; one follows the registry;
 * one dispatches due article checks (woken by each check that ends, no tick); requests are asynchronous (the
 * JDK client's own threads), and bodies are processed — feeds parsed, pages sniffed, decoded, fingerprinted —
 * on a pool as large as the machine's cores. A stalled or endless feed or page holds only its own request,
 * for at most {@code ingest.fetch-timeout}.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final Duration CLOSE_BUDGET = Duration.ofSeconds(30);
  /** Fetches in flight at close or hand-over get this long to finish; an abandoned one simply runs again. */
  private static final Duration FETCH_GRACE = Duration.ofSeconds(10);
  /** Left at close for the registry consumer to leave the group, so the feeds move at once. */
  private static final Duration REGISTRY_STOP = Duration.ofSeconds(6);

  private final IngestConfig config;
  private final String bootstrapServers;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean stopping;

  private ScheduledExecutorService control;
  private ExecutorService processPool;
  private final List<SiteRule> siteRules;
  private final AddressPolicy addressPolicy;
  private IngestPublisher publisher;
  private ArticleWatcher watcher;
  private HttpFetcher fetcher;
  private HostGate hostGate;
  private RecheckSchedule schedule;
  private RegistryConsumer registry;
  private Thread registryThread;
  private final Map<URI, FeedLoop> polled = new ConcurrentHashMap<>();
  private final Set<URI> listedFeeds = ConcurrentHashMap.newKeySet();
  private volatile ServiceMetrics metrics;
  private volatile IngestMeters meters;
  private volatile boolean assigned;
  /** WebSub (null when {@code ingest.websub.callback-base-url} is not set). */
  private WebSubSubscriber websub;
  private CallbackServer callbacks;
  private ScheduledExecutorService websubTimers;
  /** The least time between the starts of two polls of one feed when pushes ask for them. */
  private static final Duration PUSH_GAP = Duration.ofSeconds(1);
  private volatile HealthMonitor health;

  /** The service on the system clock. */
  public IngestService(IngestConfig config, String bootstrapServers) {
    this(config, bootstrapServers, Clock.systemUTC());
  }

  /**
   * The service on a given clock, which stamps discoveries, fetches and checks (tests move it to make
   * checks due).
   */
  public IngestService(IngestConfig config, String bootstrapServers, Clock clock) {
    this(config, bootstrapServers, clock, List.of());
  }

  /**
   * The service with the diff worker's extraction rules ({@code extract.sites}, {@code
   * DiffWorkerConfig.siteRules()}): ingest fingerprints each page's text as the worker will extract it, and
   * publishes a page only when that text changed, so it must read pages with the same rules.
   */
  public IngestService(IngestConfig config, String bootstrapServers, Clock clock, List<SiteRule> siteRules) {
    this(config, bootstrapServers, clock, siteRules, AddressPolicy.PUBLIC_ONLY);
  }

  private IngestService(IngestConfig config, String bootstrapServers, Clock clock, List<SiteRule> siteRules,
      AddressPolicy addressPolicy) {
    this.config = Objects.requireNonNull(config, "config");
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.siteRules = List.copyOf(siteRules);
    this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
  }

  /**
   * This service (not started) with another address policy ({@code network.allow}): every feed, page,
   * robots.txt and redirect is checked against it before a request is sent. The default is public addresses
   * only.
   */
  public IngestService withAddressPolicy(AddressPolicy policy) {
    if (started.get()) {
      throw new IllegalStateException("the address policy is set before start");
    }
    return new IngestService(config, bootstrapServers, clock, siteRules, policy);
  }

  /** The service on the system clock with the diff worker's extraction rules. */
  public IngestService(IngestConfig config, String bootstrapServers, List<SiteRule> siteRules) {
    this(config, bootstrapServers, Clock.systemUTC(), siteRules);
  }

  /** What the article checks did since start (for benchmarks and tests). */
  public IngestCounters.Snapshot counters() {
    ArticleWatcher w = watcher;
    return w == null ? new IngestCounters().snapshot() : w.counters();
  }

  /**
   * The per-host limiter every request passes, for load runs to read what it let through ({@link HostGate#seen},
   * {@link HostGate#maxInFlight}); null before {@link #start()}.
   */
  public HostGate hostGate() {
    return hostGate;
  }

  /**
   * Counts polls, fetches and checks on {@code metrics} and binds the producer's Kafka client metrics there;
   * call before {@link #start()}.
   */
  public IngestService observe(ServiceMetrics metrics) {
    if (started.get()) {
      throw new IllegalStateException("observe before start");
    }
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /**
   * Why this instance is not ready (not started, feed registry partitions not assigned yet, stopping), or
   * empty when it is polling the feeds it was given.
   */
  public Optional<String> notReady() {
    if (!started.get()) {
      return Optional.of("not started");
    }
    if (stopping) {
      return Optional.of("stopping");
    }
    if (!assigned) {
      return Optional.of("waiting for partitions of " + Topics.FEEDS + " (consumer group newsdelta-ingest)"
          + " and the article state");
    }
    return Optional.empty();
  }

  /**
   * What is wrong with this instance's feeds or schedule — stale or failing feeds, lag behind its schedule — or
   * empty (also before start). {@code run} and a lone ingest make it the readiness check {@code ingest-health}
   * ({@code /health/ready} answers 503 with it); each change is an event on {@code newsdelta.ingest.errors}.
   */
  public Optional<String> healthProblems() {
    HealthMonitor h = health;
    return h == null ? Optional.empty() : h.healthProblems();
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
    RecheckSchedule schedule = new RecheckSchedule(config.articleRecheck(), config.geometricRecheck());
    this.schedule = schedule;
    HttpFetcher.Builder fetching =
        HttpFetcher.builder()
            .userAgent(config.userAgent())
            .timeout(config.fetchTimeout())
            .maxBytes(config.maxPageBytes())
            .clock(clock)
            .addressPolicy(addressPolicy);
    // One limiter for every request (feeds, sitemaps, pages, robots.txt, redirect hops): the per-host limits
    // hold whichever part of ingest asks.
    HostGate gate = new HostGate(HostLimits.of(config));
    this.hostGate = gate;
    fetching.hostGate(gate);
    ServiceMetrics m = metrics;
    if (m != null) {
      meters = new IngestMeters(m.registry(), this::counters, HostLimits.of(config));
      fetching.observer(meters);
      WebSubSubscriber.registerMeters(m.registry(), !config.websub().enabled());
    }
    HttpFetcher fetcher = fetching.build();
    if (config.websub().enabled()) {
      try {
        startWebSub(m); // first: a callback port that cannot be bound stops start-up before anything runs
      } catch (NewsdeltaException e) {
        started.set(false);
        throw e;
      }
    }
    control = Executors.newSingleThreadScheduledExecutor(threads("ingest-control"));
    processPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        threads("ingest-process"));
    publisher = new IngestPublisher(bootstrapServers);
    if (m != null) {
      m.bind("ingest", publisher.producer());
    }
    gate.listener(this::hostChanged);
    Set<String> withoutRobots = config.feeds().stream().filter(f -> !f.robots()).map(f -> f.url().toString())
        .collect(java.util.stream.Collectors.toSet());
    watcher = new ArticleWatcher(schedule, fetcher, publisher, ArticleExtractor.withRules(siteRules),
        new HostQueues(HostLimits.of(config), gate), new RobotsCache(config.userAgent(), config.robotsTtl()),
        withoutRobots, clock, processPool, config.fetchConcurrency(), config.catchUpWindow(), config.removal());
    watcher.start();
    this.fetcher = fetcher;
    HealthMonitor monitor = new HealthMonitor(config.health(), HealthMonitor.instanceName(), clock, publisher,
        publisher::saveFeedStatus, watcher::overdue);
    if (m != null) {
      monitor.bind(m.registry());
    }
    health = monitor;
    long tick = monitor.tick().toMillis();
    control.scheduleWithFixedDelay(() -> {
      try {
        monitor.evaluate();
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure while checking feed health", e);
      }
    }, tick, tick, TimeUnit.MILLISECONDS);
    LOG.info("Starting ingest: {} configured feeds (and any other in {}) every {}, re-checks {}, {} checks at once, "
        + "per host {} at once {} apart", config.feeds().size(), Topics.FEEDS, config.feedPollInterval(),
        config.articleRecheck(), config.fetchConcurrency(), config.hostConcurrency(), config.hostMinGap());
    control.execute(this::startUp);
  }

  /**
   * A host began to back off or answers again (whichever request found it: feed, sitemap, page, robots.txt, hub):
   * one event on {@code newsdelta.ingest.errors} per change.
   */
  private void hostChanged(HostGate.Change change) {
    io.newsdelta.ingest.error.Diagnosis d = change.backingOff()
        ? io.newsdelta.ingest.error.Diagnoses.hostBackingOff(change.host(), io.newsdelta.ingest.host.HostBackoff.THRESHOLD,
            change.pause(), change.detail())
        : io.newsdelta.ingest.error.Diagnoses.hostRecovered(change.host());
    if (!change.backingOff()) {
      LOG.info(d.message());
    }
    IngestPublisher p = publisher;
    if (p != null && !stopping) {
      p.report(new io.newsdelta.events.IngestError(null, change.origin(), clock.instant(), d.kind().kind(),
          d.message()));
    }
  }

  /**
   * Starts the WebSub callback server and subscriber; a port that cannot be bound stops start-up with one line.
   */
  private void startWebSub(ServiceMetrics m) {
    IngestConfig.WebSub ws = config.websub();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(threads("ingest-websub"));
    HubClient hubs = new HubClient(addressPolicy, config.userAgent(), config.fetchTimeout(), hostGate);
    WebSubSubscriber subscriber = new WebSubSubscriber(ws, hubs, error -> publisher.report(error), clock, timers,
        this::pollNow,
        m != null ? m.registry() : new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    try {
      callbacks = CallbackServer.start(ws.bind(), ws.port(), subscriber, config.maxPageBytes());
      websub = subscriber;
      websubTimers = timers;
    } catch (java.io.IOException e) {
      timers.shutdownNow();
      throw new NewsdeltaException("cannot serve WebSub callbacks on " + ws.bind() + ":" + ws.port() + " ("
          + e.getMessage() + "); choose a free ingest.websub.port, or unset ingest.websub.callback-base-url to turn "
          + "WebSub off", e);
    }
    LOG.info("WebSub on: feeds that advertise a hub are subscribed with callbacks under {}/websub/, and polled every "
        + "{} while subscribed", ws.callbackBaseUrl(), ws.pollInterval());
  }

  /** A signed WebSub push (or a subscription that ended): polls the feed now through its normal poll path. */
  private void pollNow(URI feedUrl) {
    FeedLoop loop = feedUrl == null ? null : polled.get(feedUrl);
    if (loop != null) {
      loop.pollNow();
    }
  }

  /** The port of the WebSub callback server, or -1 when WebSub is off (for tests). */
  int websubPort() {
    CallbackServer c = callbacks;
    return c == null ? -1 : c.port();
  }

  /** Registers the configured feeds (retrying while Kafka cannot take them), then follows the registry. */
  private void startUp() {
    if (stopping) {
      return;
    }
    List<FeedRegistration> configured =
        config.feeds().stream().map(io.newsdelta.config.FeedConfig::registration).toList();
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
    synchronized (this) {
      if (stopping) {
        return;
      }
      registry = new RegistryConsumer(bootstrapServers, new Ownership());
      registryThread = threads("ingest-registry").newThread(registry);
      registryThread.start();
    }
  }

  private SourcePoller poller(URI feedUrl, String kind) {
    if (FeedRegistration.KIND_SITEMAP.equals(kind)) {
      return new SitemapPoller(feedUrl, fetcher, health.errors(feedUrl), health.sink(feedUrl, watcher), clock,
          config.sitemapMaxAge(), () -> stopping);
    }
    WebSubSubscriber subscriber = websub;
    return new FeedPoller(feedUrl, fetcher, health.errors(feedUrl), health.sink(feedUrl, watcher), this::listed,
        clock, () -> stopping,
        subscriber == null ? null : (url, response, feed) -> {
          if (!stopping && polled.containsKey(url)) {
            HubDiscovery.of(url, response.uri(), response.links(), feed.hubs(), feed.self())
                .ifPresent(ad -> subscriber.advertised(url, ad));
          }
        });
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

  /**
   * One feed's polls: each starts {@code feedPollInterval} after the previous one started, or as soon as it
   * ended when it took longer; never two at once.
   */
  private final class FeedLoop {
    private final SourcePoller poller;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> next;
    // WebSub: a push asks for a poll now; one during a poll makes the next start as soon as that one ends.
    private boolean running;
    private boolean again;
    private long lastStart = System.nanoTime() - PUSH_GAP.toNanos();

    FeedLoop(SourcePoller poller) {
      this.poller = poller;
    }

    synchronized void schedule(long delayMs) {
      if (cancelled || stopping) {
        return;
      }
      ScheduledFuture<?> previous = next;
      if (previous != null) {
        previous.cancel(false);
      }
      try {
        next = control.schedule(this::run, delayMs, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.debug("Not polling {}: ingest is stopping", poller.feedUrl());
      }
    }

    /** Polls as soon as {@link #PUSH_GAP} after the last poll started allows, instead of at the next interval. */
    synchronized void pollNow() {
      if (cancelled || stopping) {
        return;
      }
      if (running) {
        again = true;
        return;
      }
      long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastStart);
      schedule(Math.max(0, PUSH_GAP.toMillis() - since));
    }

    /** The feed poll interval, or WebSub's slower one while the feed has a live subscription. */
    private long intervalMs() {
      WebSubSubscriber subscriber = websub;
      return subscriber != null && subscriber.live(poller.feedUrl())
          ? config.websub().pollInterval().toMillis() : config.feedPollInterval().toMillis();
    }

    private void run() {
      long begun;
      synchronized (this) {
        if (cancelled || stopping || running) {
          return;
        }
        running = true;
        begun = System.nanoTime();
        lastStart = begun;
      }
      poller.pollAsync(processPool).whenComplete((outcome, error) -> {
        IngestMeters counting = meters;
        if (counting != null) {
          counting.polled(error == null ? outcome : FeedPoller.Outcome.FAILED);
        }
        health.polled(poller.feedUrl(), error == null ? outcome : FeedPoller.Outcome.FAILED);
        WebSubSubscriber subscriber = websub;
        if (subscriber != null && !cancelled && !stopping) {
          subscriber.polled(poller.feedUrl());
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
        long delay;
        synchronized (this) {
          running = false;
          delay = Math.max(0, (again ? PUSH_GAP.toMillis() : intervalMs()) - took);
          again = false;
        }
        schedule(delay);
      });
    }

    void cancel() {
      cancelled = true;
      ScheduledFuture<?> n = next;
      if (n != null) {
        n.cancel(false);
      }
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
          assigned = true;
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
      schedule.use(url.toString(), feed.schedule());
      int waiting = watcher.own(url.toString());
      FeedLoop[] created = new FeedLoop[1];
      polled.computeIfAbsent(url, u -> {
        health.started(u, feed.kind());
        return created[0] = new FeedLoop(poller(u, feed.kind()));
      });
      if (created[0] == null) {
        return;
      }
      created[0].schedule(0);
      LOG.info("Polling {} {} (re-checks on {}; partition {} of {}; {} of its articles have checks left)",
          feed.kind(), url, feed.schedule(), feed.partition(), Topics.FEEDS, waiting);
    }

    @Override
    public void removed(Stopped feed) {
      if (websub != null && !stopping) {
        websub.removed(feed.feedUrl());
      }
    }

    @Override
    public void stopped(List<Stopped> feeds, boolean handOver) {
      List<String> urls = new ArrayList<>();
      for (Stopped feed : feeds) {
        FeedLoop polling = polled.remove(feed.feedUrl());
        if (polling != null) {
          polling.cancel();
          // A feed removed from the registry loses its status; one handed over keeps it for the next owner.
          health.stopped(feed.feedUrl(), !handOver && !stopping);
        }
        if (websub != null) {
          websub.released(feed.feedUrl());
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
    polled.values().forEach(FeedLoop::cancel);
    control.shutdownNow();
    if (websub != null) {
      callbacks.close();
      websub.close();
      websubTimers.shutdownNow();
    }
    watcher.pause();
    if (!watcher.awaitIdle(handOverWait())) {
      LOG.warn("Abandoning article checks still in flight; they run again after a restart");
    }
    watcher.stop();
    hostGate.close();
    processPool.shutdown();
    try {
      processPool.awaitTermination(2, TimeUnit.SECONDS);
      control.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    processPool.shutdownNow();
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
