package io.newsdelta.notifier;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.history.materialise.Materialiser;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.web.Routes;
import io.newsdelta.health.Readiness;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.notifier.metrics.DeliveryMeters;
import io.newsdelta.notifier.web.StoryRoutes;
import io.newsdelta.stories.view.StoryView;
import java.util.Optional;
import io.newsdelta.notifier.web.WebServer;
import io.newsdelta.notifier.channel.Channels;
import io.newsdelta.notifier.delivery.Deliveries;
import io.newsdelta.notifier.delivery.KafkaDeadLetters;
import io.newsdelta.notifier.sse.ChangeStream;
import io.newsdelta.notifier.subscription.FeedOf;
import io.newsdelta.notifier.subscription.SubscriptionApi;
import io.newsdelta.notifier.subscription.SubscriptionRouting;
import io.newsdelta.notifier.subscription.SubscriptionStore;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: delivers every change on {@code newsdelta.article-changes} to the configured webhooks, keeps
 * the history store filled from the topics and serves the pages of versions and diffs from it. Create, {@link
 * #start()}, and {@link #close()} to stop within 30 s.
 */
public final class NotifierService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

  private final NotifierConfig config;
  private final HistoryStore history;
  private final Materialiser materialiser;
  private final WebServer web;
  private final KafkaDeadLetters deadLetters;
  private final Deliveries changes;
  private final SubscriptionStore subscriptions;
  private final SubscriptionApi subscriptionApi;
  private final ChangeStream changeStream;
  private final String bootstrapServers;
  private volatile StoryView stories;
  private boolean started;
  private boolean closed;

  /** A notifier with the history store at its default place ({@link HistoryConfig#DEFAULT_DATABASE_URL}). */
  public NotifierService(NotifierConfig config, String bootstrapServers) {
    this(config, new HistoryConfig(HistoryConfig.DEFAULT_DATABASE_URL), bootstrapServers, List.of());
  }

  /** A notifier with the built-in pages only. */
  public NotifierService(NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers) {
    this(config, historyConfig, bootstrapServers, List.of());
  }

  /**
   * Opens the history store; nothing runs until {@link #start()}. The configuration checked itself when built.
   *
   * @param routes other features' routes on the same web server (see {@link Routes})
   * @throws NewsdeltaException when a setting is invalid (naming the key, the value and what is allowed) or
   *     the history store cannot be opened
   */
  public NotifierService(
      NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers, List<Routes> routes) {
    this(config, historyConfig, bootstrapServers, routes, AddressPolicy.PUBLIC_ONLY);
  }

  /**
   * The same, posting only to endpoints whose addresses {@code addressPolicy} allows ({@code network.allow};
   * the other constructors allow public addresses only).
   */
  public NotifierService(NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers,
      List<Routes> routes, AddressPolicy addressPolicy) {
    this(config, historyConfig, bootstrapServers, routes, null, null, addressPolicy);
  }

  /**
   * A notifier to public addresses only that counts its deliveries on {@code metrics}, binds its history
   * consumer's Kafka client metrics there, serves them at {@code /metrics}, and answers {@code /health/ready}
   * with {@code readiness} too.
   *
   * @param metrics the process's metrics, or null for none
   * @param readiness the rest of the process's checks (broker, other services), or null for none
   */
  public NotifierService(NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers,
      List<Routes> routes, ServiceMetrics metrics, Readiness readiness) {
    this(config, historyConfig, bootstrapServers, routes, metrics, readiness, AddressPolicy.PUBLIC_ONLY);
  }

  /**
   * The notifier with metrics, readiness and the address policy its channels post under.
   *
   * @param metrics the process's metrics, or null for none
   * @param readiness the rest of the process's checks (broker, other services), or null for none
   * @param addressPolicy which endpoint addresses may be posted to ({@code network.allow})
   */
  public NotifierService(NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers,
      List<Routes> routes, ServiceMetrics metrics, Readiness readiness, AddressPolicy addressPolicy) {
    this(config, historyConfig, bootstrapServers, routes, metrics, readiness, addressPolicy, "");
  }

  /**
   * The same, reading the versions and changes of the diff worker's topic generation {@code topicGeneration}
   * ({@code diff-worker.topic-generation}: "" for the original topics, {@code g2} for
   * {@code newsdelta.article-changes.g2} …): the delivery lanes, {@code /events} and the history materialiser
   * all read what the worker writes.
   */
  public NotifierService(NotifierConfig config, HistoryConfig historyConfig, String bootstrapServers,
      List<Routes> routes, ServiceMetrics metrics, Readiness readiness, AddressPolicy addressPolicy,
      String topicGeneration) {
    String generation = topicGeneration == null ? "" : topicGeneration;
    String changesTopic = generation.isEmpty()
        ? io.newsdelta.events.Topics.ARTICLE_CHANGES : io.newsdelta.events.Topics.ARTICLE_CHANGES + "." + generation;
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new NewsdeltaException("the notifier needs Kafka: kafka.bootstrap-servers is empty");
    }
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.history = HistoryStore.open(historyConfig.databaseUrl());
    this.materialiser = new Materialiser(bootstrapServers, history.writer(), generation);
    this.deadLetters = new KafkaDeadLetters(bootstrapServers);
    Clock clock = Clock.systemUTC();
    this.subscriptions = new SubscriptionStore(bootstrapServers);
    SubscriptionRouting routing = new SubscriptionRouting(config.subscriptions(), subscriptions::all,
        FeedOf.from(history.reader()));
    this.subscriptionApi = new SubscriptionApi(routing, subscriptions,
        new HashSet<>(config.allChannels().stream().map(c -> c.name()).toList()), config.apiToken());
    this.changeStream = new ChangeStream(bootstrapServers, changesTopic);
    List<Routes> allRoutes = new ArrayList<>(routes);
    if (metrics != null) {
      allRoutes.add(app -> app.get("/metrics", ctx -> ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape())));
      metrics.bind("notifier", materialiser.kafkaConsumer());
    }
    Readiness checks = readiness != null ? readiness : new Readiness();
    checks.add("history", () -> materialiser.assigned() ? Optional.empty()
        : Optional.of("the history materialiser has no partitions yet (consumer group newsdelta-history)"));
    allRoutes.add(subscriptionApi::register);
    allRoutes.add(changeStream::register);
    allRoutes.add(new StoryRoutes(() -> Optional.ofNullable(stories)));
    this.web = new WebServer(config.httpBind(), config.httpPort(),
        new HistoryView(history.reader(), Clock.systemUTC()), this::healthy,
        () -> history.ready() && !materialiser.failed(), checks::notReady, allRoutes);
    DeliveryMeters meters = metrics == null ? null : new DeliveryMeters(metrics.registry(), clock);
    this.changes = new Deliveries(bootstrapServers, changesTopic, config,
        meters == null ? Channels.of(config, clock, addressPolicy) : meters.wrap(Channels.of(config, clock, addressPolicy)), routing,
        meters == null ? deadLetters : meters.wrap(deadLetters), clock);
    if (meters != null) {
      meters.lanes(changes.lanes());
    }
  }

  /** Starts following the topics and serving the pages; returns at once. */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "the notifier was closed" : "the notifier is already started");
    }
    started = true;
    // Listening first: a busy port is the likeliest start-up failure, and no Kafka client runs yet.
    web.start();
    materialiser.start();
    stories = StoryView.start(bootstrapServers, 10_000, 100);
    subscriptions.start();
    if (!subscriptions.awaitCaughtUp(Duration.ofSeconds(20))) {
      LOG.warn("Run-time subscriptions not read within 20 s; delivering with those read so far");
    }
    changes.start();
    LOG.info(
        "Notifier started: {} channel(s), up to {} attempts from {} ms backoff, pages on port {}",
        config.allChannels().size(), config.maxAttempts(), config.initialBackoff().toMillis(), httpPort());
  }

  /**
   * The alert routes, registered on the pages' server at construction: the subscription API
   * ({@code /api/subscriptions}) and the Server-Sent Events of changes ({@code /events}).
   */
  public List<Consumer<Javalin>> alertRoutes() {
    return List.of(subscriptionApi::register, changeStream::register);
  }

  /** The port the pages are served on (the configured one, or the one picked when it is 0), once started. */
  public int httpPort() {
    return web.port();
  }

  /**
   * Stops within 30 s: stops consuming, lets in-flight deliveries finish (waits between retries end at once),
   * commits what was delivered, stops the HTTP server. Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    changes.close(Duration.ofSeconds(20));
    subscriptions.close();
    if (stories != null) {
      stories.close();
    }
    materialiser.close(Duration.ofSeconds(5));
    web.close();
    history.close();
    deadLetters.close();
    LOG.info("Notifier stopped");
  }

  /** Healthy while webhook delivery runs (before start, during and after a normal stop too). */
  private boolean healthy() {
    return !changes.failed();
  }
}
