package io.newsdelta.notifier;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.notifier.view.ArticleStore;
import io.newsdelta.notifier.view.VersionFeed;
import io.newsdelta.notifier.web.WebServer;
import io.newsdelta.notifier.webhook.Backoff;
import io.newsdelta.notifier.webhook.ChangeConsumer;
import io.newsdelta.notifier.webhook.HttpSender;
import io.newsdelta.notifier.webhook.KafkaDeadLetters;
import io.newsdelta.notifier.webhook.StopSignal;
import io.newsdelta.notifier.webhook.WebhookDelivery;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: delivers every change on {@code newsdelta.article-changes} to the configured webhooks and
 * serves the pages of versions and diffs. Create, {@link #start()}, and {@link #close()} to stop within 30 s.
 */
public final class NotifierService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final NotifierConfig config;
  private final ArticleStore store = new ArticleStore();
  private final VersionFeed feed;
  private final WebServer web;
  private final KafkaDeadLetters deadLetters;
  private final ExecutorService deliveries;
  private final ChangeConsumer changes;
  private boolean started;
  private boolean closed;

  /**
   * Checks the configuration and binds the HTTP port; nothing runs until {@link #start()}.
   *
   * @throws NewsdeltaException when a setting is invalid (naming the key, the value and what is allowed) or
   *     the HTTP address cannot be bound
   */
  public NotifierService(NotifierConfig config, String bootstrapServers) {
    validate(config);
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new NewsdeltaException("the notifier needs Kafka: kafka.bootstrap-servers is empty");
    }
    this.config = config;
    // Bound first: a busy port is the likeliest start-up failure, and no Kafka client exists yet to leak.
    this.web = new WebServer(config.httpBind(), config.httpPort(), store, this::healthy);
    this.feed = new VersionFeed(bootstrapServers, store);
    this.deadLetters = new KafkaDeadLetters(bootstrapServers);
    AtomicInteger n = new AtomicInteger();
    this.deliveries =
        Executors.newFixedThreadPool(
            Math.max(1, config.webhooks().size()),
            r -> {
              Thread t = new Thread(r, "notifier-webhook-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    StopSignal stop = new StopSignal();
    WebhookDelivery delivery =
        new WebhookDelivery(
            new HttpSender(CONNECT_TIMEOUT, REQUEST_TIMEOUT),
            Backoff.of(config.initialBackoff(), config.maxAttempts()),
            deadLetters,
            stop,
            Clock.systemUTC());
    this.changes = new ChangeConsumer(bootstrapServers, config.webhooks(), delivery, deliveries, stop);
  }

  /** Starts following the topics and serving the pages; returns at once. */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "the notifier was closed" : "the notifier is already started");
    }
    started = true;
    web.start();
    feed.start();
    changes.start();
    LOG.info(
        "Notifier started: {} webhook(s), up to {} attempts from {} ms backoff, pages on port {}",
        config.webhooks().size(), config.maxAttempts(), config.initialBackoff().toMillis(), httpPort());
  }

  /** The port the pages are served on (the configured one, or the one picked when it is 0). */
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
    feed.close(Duration.ofSeconds(5));
    web.close();
    deliveries.shutdownNow();
    try {
      deliveries.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deadLetters.close();
    LOG.info("Notifier stopped");
  }

  /** Healthy while webhook delivery runs (before start, during and after a normal stop too). */
  private boolean healthy() {
    return !changes.failed();
  }

  private static void validate(NotifierConfig config) {
    if (config.maxAttempts() < 1) {
      throw new NewsdeltaException(
          "notifier.retry.max-attempts is " + config.maxAttempts() + "; it must be at least 1");
    }
    if (config.initialBackoff() == null || config.initialBackoff().isNegative()) {
      throw new NewsdeltaException(
          "notifier.retry.initial-backoff is " + config.initialBackoff() + "; it must be a duration of 0 or more, such as 1s");
    }
    if (config.httpPort() < 0 || config.httpPort() > 65535) {
      throw new NewsdeltaException("notifier.http.port is " + config.httpPort() + "; it must be 0 to 65535");
    }
    for (URI hook : config.webhooks()) {
      String scheme = hook.getScheme() == null ? "" : hook.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || hook.getHost() == null) {
        throw new NewsdeltaException(
            "notifier.webhooks has " + hook + "; each webhook must be an absolute http:// or https:// URL");
      }
    }
  }
}
