package io.newsdelta.ingest.websub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.error.ErrorReporter;
import io.newsdelta.ingest.websub.HubDiscovery.Advertisement;
import io.newsdelta.metrics.MetricNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's WebSub subscriptions, one per feed it polls whose feed advertises a hub.
 *
 * <p>Life of a subscription: a poll reads the hub and topic ({@link #advertised}); ingest POSTs {@code
 * hub.mode=subscribe} with a callback of its own ({@code callback-base-url/websub/<id>}, the id derived from the
 * feed URL), the lease asked for and a fresh random {@code hub.secret}; the hub verifies the intent with a GET to
 * the callback, answered with the challenge only for the topic and mode asked for ({@link #verify}); from then the
 * subscription is live until its lease ends, and is renewed (same secret) a tenth of the lease, at most an hour,
 * before that. A content delivery ({@link #deliver}) whose {@code X-Hub-Signature} is the HMAC of the body with the
 * secret makes ingest poll the feed at once; anything else is answered 2xx (so the hub does not retry a forgery)
 * and ignored, logged once per subscription and counted. A hub that answers 410 or denies the subscription, one that
 * fails or never verifies, leaves the feed on its normal polling; failures are retried after {@link #RETRY}, a 410
 * or a denial not while this instance owns the feed.
 *
 * <p>State is in memory, by design: the secret is known only to the instance that subscribed, which is the one that
 * polls the feed (the callback base URL is per instance). When a feed moves to another instance or ingest restarts,
 * the new owner's first poll subscribes again with a new secret (the hub replaces a subscription with the same
 * topic and callback); deliveries to an instance for a feed it no longer holds are answered 410, which tells the hub
 * to drop that subscription. When a feed is removed from the registry, ingest unsubscribes.
 *
 * <p>Thread-safe: the state is guarded by this object; hub requests are asynchronous.
 */
public final class WebSubSubscriber {
  private static final Logger LOG = LoggerFactory.getLogger(WebSubSubscriber.class);
  /** A failed subscription is tried again at the first poll after this long. */
  public static final Duration RETRY = Duration.ofMinutes(5);
  /** A subscription the hub accepted but has not verified after this long has failed. */
  static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(5);

  /** What the callback answers. */
  public record Reply(int status, String body) {}

  enum State { SUBSCRIBING, LIVE, FAILED, DENIED, GONE, UNSUBSCRIBING, RELEASED }

  /** One feed's subscription; guarded by the subscriber. */
  private static final class Subscription {
    final URI feedUrl;
    final String id;
    URI hub;
    URI topic;
    String secret;
    State state;
    Instant retryAt = Instant.MIN;
    Instant expiresAt = Instant.MIN;
    boolean failureReported;
    boolean badSignatureLogged;
    ScheduledFuture<?> timer;

    Subscription(URI feedUrl, String id) {
      this.feedUrl = feedUrl;
      this.id = id;
    }
  }

  private final IngestConfig.WebSub config;
  private final HubClient hubs;
  private final ErrorReporter errors;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Consumer<URI> pollNow;
  private final Map<String, Subscription> byId = new LinkedHashMap<>();
  private final Map<URI, Subscription> byFeed = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Counter> pushes = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  /**
   * @param config the WebSub settings (enabled)
   * @param hubs the client that talks to hubs
   * @param errors where subscription failures go
   * @param clock stamps leases and error events
   * @param timers runs renewals and verification deadlines
   * @param pollNow polls a feed at once through its normal poll path (must not block)
   * @param registry where the WebSub meters go
   */
  public WebSubSubscriber(IngestConfig.WebSub config, HubClient hubs, ErrorReporter errors, Clock clock,
      ScheduledExecutorService timers, Consumer<URI> pollNow, MeterRegistry registry) {
    if (!config.enabled()) {
      throw new IllegalArgumentException("WebSub is off: ingest.websub.callback-base-url is not set");
    }
    this.config = config;
    this.hubs = Objects.requireNonNull(hubs, "hubs");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.pollNow = Objects.requireNonNull(pollNow, "pollNow");
    this.registry = Objects.requireNonNull(registry, "registry");
    Gauge.builder(MetricNames.WEBSUB_LIVE, this, WebSubSubscriber::liveCount)
        .description("WebSub subscriptions verified and not expired").register(registry);
  }

  /**
   * Every WebSub counter at zero, and with WebSub off its gauge at zero too: the meters docs/operations.md names
   * exist before the first push and on an instance without WebSub, so dashboards and alert rules find them.
   */
  public static void registerMeters(MeterRegistry registry, boolean websubOff) {
    for (String outcome : java.util.List.of("accepted", "unsigned", "bad_signature", "unknown_subscription",
        "too_large")) {
      Counter.builder(MetricNames.WEBSUB_PUSHES).tag("outcome", outcome)
          .description("WebSub content deliveries by outcome").register(registry);
    }
    for (String mode : java.util.List.of("subscribe", "unsubscribe")) {
      for (String outcome : java.util.List.of("accepted", "failed", "gone", "superseded")) {
        Counter.builder(MetricNames.WEBSUB_HUB_REQUESTS).tag("mode", mode).tag("outcome", outcome)
            .description("WebSub requests to hubs by mode and outcome").register(registry);
      }
    }
    if (websubOff) {
      Gauge.builder(MetricNames.WEBSUB_LIVE, () -> 0)
          .description("WebSub subscriptions verified and not expired").register(registry);
    }
  }

  /** The callback path id of a feed: the first 128 bits of the SHA-256 of its URL, base64url. */
  public static String idOf(URI feedUrl) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(feedUrl.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The callback URL the hub is given for a feed. */
  public URI callbackOf(URI feedUrl) {
    String base = config.callbackBaseUrl().toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "websub/" + idOf(feedUrl));
  }

  /** Whether the feed has a verified subscription whose lease has not ended: it is polled at the slower pace. */
  public synchronized boolean live(URI feedUrl) {
    Subscription s = byFeed.get(feedUrl);
    return s != null && s.state == State.LIVE && clock.instant().isBefore(s.expiresAt);
  }

  private synchronized double liveCount() {
    Instant now = clock.instant();
    return byFeed.values().stream().filter(s -> s.state == State.LIVE && now.isBefore(s.expiresAt)).count();
  }

  /**
   * A poll of a feed this instance owns read what it advertises: subscribes when it names a hub and there is no
   * subscription to that hub and topic yet (or the last attempt failed more than {@link #RETRY} ago).
   */
  public void advertised(URI feedUrl, Advertisement ad) {
    Subscription subscribing;
    synchronized (this) {
      Subscription s = byFeed.get(feedUrl);
      boolean same = s != null && ad.hub().equals(s.hub) && ad.topic().equals(s.topic);
      if (same) {
        switch (s.state) {
          case SUBSCRIBING, DENIED, GONE, UNSUBSCRIBING -> {
            return;
          }
          case LIVE -> {
            if (clock.instant().isBefore(s.expiresAt)) {
              return;
            }
          }
          case FAILED -> {
            if (clock.instant().isBefore(s.retryAt)) {
              return;
            }
          }
          case RELEASED -> { }
        }
      }
      if (s == null) {
        s = new Subscription(feedUrl, idOf(feedUrl));
        byFeed.put(feedUrl, s);
        byId.put(s.id, s);
      }
      if (!same) {
        s.failureReported = false;
        LOG.info("Feed {} advertises WebSub hub {} for topic {}; subscribing", feedUrl, ad.hub(), ad.topic());
      }
      s.hub = ad.hub();
      s.topic = ad.topic();
      s.secret = newSecret();
      s.badSignatureLogged = false;
      subscribing = s;
    }
    subscribe(subscribing, false);
  }

  /**
   * A poll of the feed ended (whatever its outcome; a 304 reads no advertisement): a subscription that failed more
   * than {@link #RETRY} ago, or whose lease ended without a verified renewal, is asked for again with the hub and
   * topic last read.
   */
  public void polled(URI feedUrl) {
    Subscription again;
    synchronized (this) {
      Subscription s = byFeed.get(feedUrl);
      Instant now = clock.instant();
      boolean due = s != null && s.hub != null
          && ((s.state == State.FAILED && !now.isBefore(s.retryAt))
              || (s.state == State.LIVE && !now.isBefore(s.expiresAt)));
      if (!due) {
        return;
      }
      s.secret = newSecret();
      s.badSignatureLogged = false;
      again = s;
    }
    subscribe(again, false);
  }

  /** The feed is no longer polled here (handed over, or ingest stops): no renewal; deliveries are answered 410. */
  public synchronized void released(URI feedUrl) {
    Subscription s = byFeed.get(feedUrl);
    if (s != null && s.state != State.UNSUBSCRIBING) {
      s.state = State.RELEASED;
      cancelTimer(s);
    }
  }

  /** The feed was removed from the registry: unsubscribes from its hub. */
  public void removed(URI feedUrl) {
    Subscription s;
    synchronized (this) {
      s = byFeed.get(feedUrl);
      if (s == null || s.hub == null || s.state == State.GONE || s.state == State.DENIED) {
        forget(s);
        return;
      }
      s.state = State.UNSUBSCRIBING;
      cancelTimer(s);
    }
    LOG.info("Feed {} was removed; unsubscribing from WebSub hub {}", feedUrl, s.hub);
    Subscription leaving = s;
    hubs.post(s.hub, form("unsubscribe", s, null)).whenComplete((answer, error) -> {
      String outcome = error != null ? "failed" : answer.accepted() ? "accepted" : answer.status() == 410 ? "gone"
          : "failed";
      count("unsubscribe", outcome);
      if (!"accepted".equals(outcome)) {
        LOG.warn("WebSub hub {} did not take the unsubscription of {} ({}); its lease ends on its own",
            leaving.hub, leaving.topic, error != null ? error.getMessage() : "HTTP " + answer.status());
        synchronized (this) {
          forget(leaving);
        }
      }
    });
  }

  /** Asks the hub; a renewal keeps the subscription live (and its secret) while the hub verifies it again. */
  private void subscribe(Subscription s, boolean renewal) {
    URI hub;
    Map<String, String> form;
    synchronized (this) {
      s.state = renewal ? State.LIVE : State.SUBSCRIBING;
      cancelTimer(s);
      hub = s.hub;
      form = form("subscribe", s, s.secret);
      String secret = s.secret;
      // A hub that accepts but never verifies leaves the feed on its normal polling, and is asked again later.
      if (!renewal) {
        s.timer = schedule(() -> verificationOverdue(s, secret), VERIFY_TIMEOUT);
      }
    }
    hubs.post(hub, form).whenComplete((answer, error) -> subscribeAnswered(s, hub, answer, error));
  }

  private void subscribeAnswered(Subscription s, URI hub, HubClient.Answer answer, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    boolean poll = false;
    synchronized (this) {
      // A hub may verify before it answers the POST: a live subscription is still this request's.
      if (!(s.state == State.SUBSCRIBING || s.state == State.LIVE) || !hub.equals(s.hub)) {
        count("subscribe", "superseded");
        return; // released, removed or replaced meanwhile
      }
      if (cause == null && answer.accepted()) {
        count("subscribe", "accepted");
        LOG.debug("WebSub hub {} accepted the subscription of {} (HTTP {}); waiting for its verification", hub,
            s.topic, answer.status());
        return;
      }
      if (cause == null && answer.status() == 410) {
        count("subscribe", "gone");
        poll = s.state == State.LIVE;
        s.state = State.GONE;
        cancelTimer(s);
        report(s, ErrorKind.WEBSUB_HUB_GONE, "WebSub hub " + hub + " answered 410 Gone to the subscription of "
            + s.topic + "; ingest stops asking it and polls the feed every ingest.feed-poll-interval. Nothing to do "
            + "unless the feed names another hub");
      } else {
        count("subscribe", "failed");
        boolean refused = cause instanceof HubClient.HubUnreachable u && u.refused();
      String why = cause != null ? cause.getMessage() : "HTTP " + answer.status()
          + (answer.body().isEmpty() ? "" : ": " + answer.body());
      poll = fail(s, refused ? ErrorKind.ADDRESS_REFUSED : ErrorKind.WEBSUB_SUBSCRIBE_FAILED,
          "WebSub hub " + hub + " did not take the subscription of " + s.topic + " (" + why + ")"
              + (refused ? "; list its address in network.allow if the hub is yours" : "")
              + "; the feed is polled every ingest.feed-poll-interval, and the subscription tried again in "
              + RETRY.toMinutes() + " min");
      }
    }
    if (poll) {
      pollNow.accept(s.feedUrl);
    }
  }

  private void verificationOverdue(Subscription s, String secret) {
    synchronized (this) {
      if (s.state != State.SUBSCRIBING || !secret.equals(s.secret)) {
        return;
      }
      fail(s, ErrorKind.WEBSUB_SUBSCRIBE_FAILED, "WebSub hub " + s.hub + " accepted the subscription of " + s.topic
          + " but did not verify it at " + callbackOf(s.feedUrl) + " within " + VERIFY_TIMEOUT.toMinutes()
          + " min; check that ingest.websub.callback-base-url reaches this instance's ingest.websub.port from the "
          + "internet. Tried again in " + RETRY.toMinutes() + " min");
    }
  }

  /** Marks a failure; true when the feed was polled at the slower pace and must be polled now. Holds the lock. */
  private boolean fail(Subscription s, ErrorKind kind, String message) {
    boolean wasLive = s.state == State.LIVE;
    s.state = State.FAILED;
    s.retryAt = clock.instant().plus(RETRY);
    cancelTimer(s);
    if (!s.failureReported) {
      s.failureReported = true;
      report(s, kind, message);
    } else {
      LOG.debug("WebSub still failing for {}: {}", s.feedUrl, message);
    }
    return wasLive;
  }

  /**
   * A verification of intent (GET on the callback): the challenge for a subscription or unsubscription we asked for
   * with that topic, 404 otherwise; a denial ends the subscription.
   */
  public Reply verify(String id, Map<String, String> params) {
    String mode = params.get("hub.mode");
    String topic = params.get("hub.topic");
    String challenge = params.get("hub.challenge");
    boolean poll = false;
    Reply reply;
    synchronized (this) {
      Subscription s = byId.get(id);
      boolean ours = s != null && topic != null && s.topic != null && s.topic.toString().equals(topic);
      if (mode == null || !ours) {
        return new Reply(404, "no such subscription\n");
      }
      switch (mode) {
        case "subscribe" -> {
          if (challenge == null || !(s.state == State.SUBSCRIBING || s.state == State.LIVE)) {
            return new Reply(404, "not subscribing to this topic\n");
          }
          Duration lease = lease(params.get("hub.lease_seconds"));
          boolean first = s.state == State.SUBSCRIBING;
          s.state = State.LIVE;
          s.failureReported = false;
          s.expiresAt = clock.instant().plus(lease);
          cancelTimer(s);
          Duration early = min(lease.dividedBy(10), Duration.ofHours(1));
          String secret = s.secret;
          s.timer = schedule(() -> renew(s, secret), lease.minus(early));
          if (first) {
            LOG.info("WebSub subscription of {} at {} verified for {} s; feed {} is polled every {} meanwhile",
                s.topic, s.hub, lease.toSeconds(), s.feedUrl, config.pollInterval());
          }
          reply = new Reply(200, challenge);
        }
        case "unsubscribe" -> {
          if (challenge == null || s.state != State.UNSUBSCRIBING) {
            return new Reply(404, "not unsubscribing from this topic\n");
          }
          LOG.info("WebSub unsubscription of {} at {} verified", s.topic, s.hub);
          forget(s);
          reply = new Reply(200, challenge);
        }
        case "denied" -> {
          if (!(s.state == State.SUBSCRIBING || s.state == State.LIVE)) {
            return new Reply(404, "not subscribing to this topic\n");
          }
          poll = s.state == State.LIVE;
          s.state = State.DENIED;
          cancelTimer(s);
          String reason = params.getOrDefault("hub.reason", "no reason given");
          report(s, ErrorKind.WEBSUB_DENIED, "WebSub hub " + s.hub + " denied the subscription of " + s.topic + " ("
              + reason + "); the feed is polled every ingest.feed-poll-interval. Ingest asks again when the feed "
              + "moves to another instance or ingest restarts");
          reply = new Reply(200, "");
        }
        default -> {
          return new Reply(404, "unknown hub.mode\n");
        }
      }
    }
    if (poll) {
      pollNow.accept(topicFeed(id));
    }
    return reply;
  }

  private synchronized URI topicFeed(String id) {
    Subscription s = byId.get(id);
    return s == null ? null : s.feedUrl;
  }

  /**
   * A content delivery (POST on the callback): with a valid signature the feed is polled at once (202); a missing or
   * wrong signature is answered 202 too, as the spec asks, and ignored; a subscription this instance does not hold
   * is answered 410, which tells the hub to drop it.
   */
  public Reply deliver(String id, String signature, byte[] body) {
    URI poll;
    synchronized (this) {
      Subscription s = byId.get(id);
      if (s == null || !(s.state == State.LIVE || s.state == State.SUBSCRIBING || s.state == State.FAILED)) {
        pushed("unknown_subscription");
        return new Reply(410, "no such subscription\n");
      }
      Signature.Verdict verdict = Signature.check(signature, s.secret, body);
      if (verdict != Signature.Verdict.VALID) {
        pushed(verdict == Signature.Verdict.MISSING ? "unsigned" : "bad_signature");
        if (!s.badSignatureLogged) {
          s.badSignatureLogged = true;
          LOG.warn("Ignoring a WebSub delivery for {} ({}): {}; only the hub that holds this subscription's secret "
              + "can notify it (logged once per subscription; counted in {})", s.feedUrl, s.topic,
              switch (verdict) {
                case MISSING -> "it has no X-Hub-Signature";
                case MALFORMED -> "its X-Hub-Signature is not method=hex with sha1, sha256, sha384 or sha512";
                default -> "its X-Hub-Signature is not the HMAC of the body with the subscription's secret";
              }, MetricNames.WEBSUB_PUSHES);
        } else {
          LOG.debug("Ignoring another WebSub delivery for {} with signature {}", s.feedUrl, verdict);
        }
        return new Reply(202, "");
      }
      pushed("accepted");
      poll = s.feedUrl;
    }
    LOG.debug("WebSub delivery for {}: polling it now", poll);
    pollNow.accept(poll);
    return new Reply(202, "");
  }

  /** A delivery larger than ingest takes: answered 413, counted, ignored. */
  public void tooLarge() {
    pushed("too_large");
  }

  private void renew(Subscription s, String secret) {
    synchronized (this) {
      if (s.state != State.LIVE || !secret.equals(s.secret)) {
        return;
      }
      LOG.info("Renewing the WebSub subscription of {} at {} (lease ends {})", s.topic, s.hub, s.expiresAt);
    }
    subscribe(s, true);
  }

  /** Stops renewals; subscriptions are left to their leases (the next start subscribes again). */
  public synchronized void close() {
    byFeed.values().forEach(this::cancelTimer);
  }

  private Map<String, String> form(String mode, Subscription s, String secret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("hub.mode", mode);
    form.put("hub.topic", s.topic.toString());
    form.put("hub.callback", callbackOf(s.feedUrl).toString());
    if (secret != null) {
      form.put("hub.lease_seconds", Long.toString(config.lease().toSeconds()));
      form.put("hub.secret", secret);
    }
    return form;
  }

  private Duration lease(String seconds) {
    if (seconds != null) {
      try {
        long n = Long.parseLong(seconds.trim());
        if (n > 0) {
          return Duration.ofSeconds(n);
        }
      } catch (NumberFormatException e) {
        LOG.debug("Ignoring hub.lease_seconds {}", seconds);
      }
    }
    return config.lease();
  }

  private void report(Subscription s, ErrorKind kind, String message) {
    errors.report(new IngestError(s.feedUrl.toString(), null, clock.instant(), kind.kind(), message));
  }

  private void forget(Subscription s) {
    if (s != null) {
      cancelTimer(s);
      byFeed.remove(s.feedUrl, s);
      byId.remove(s.id, s);
    }
  }

  private void cancelTimer(Subscription s) {
    if (s.timer != null) {
      s.timer.cancel(false);
      s.timer = null;
    }
  }

  private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timers.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null; // stopping
    }
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void pushed(String outcome) {
    pushes.computeIfAbsent(outcome, o -> Counter.builder(MetricNames.WEBSUB_PUSHES).tag("outcome", o)
        .description("WebSub content deliveries by outcome").register(registry)).increment();
  }

  private void count(String mode, String outcome) {
    Counter.builder(MetricNames.WEBSUB_HUB_REQUESTS).tag("mode", mode).tag("outcome", outcome)
        .description("WebSub requests to hubs by mode and outcome").register(registry).increment();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
