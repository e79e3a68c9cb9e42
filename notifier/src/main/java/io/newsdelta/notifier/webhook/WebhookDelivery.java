package io.newsdelta.notifier.webhook;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one change to one webhook: tries, waits on the {@link Backoff} schedule, tries again, and after
 * the last failed attempt hands the change to {@link DeadLetters}. Each failed attempt is one log line.
 */
public final class WebhookDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

  private final Sender sender;
  private final Backoff backoff;
  private final DeadLetters deadLetters;
  private final StopSignal stop;
  private final Clock clock;

  /** A delivery policy over {@code sender}; waits end early when {@code stop} is signalled. */
  public WebhookDelivery(Sender sender, Backoff backoff, DeadLetters deadLetters, StopSignal stop, Clock clock) {
    this.sender = sender;
    this.backoff = backoff;
    this.deadLetters = deadLetters;
    this.stop = stop;
    this.clock = clock;
  }

  /** The dead-letter channel name of a webhook. */
  public static String channel(URI webhook) {
    return "webhook:" + webhook;
  }

  /**
   * Delivers {@code change} to {@code webhook}.
   *
   * @param source the CloudEvents source of the change
   * @return {@link Outcome#DELIVERED}, {@link Outcome#DEAD_LETTERED}, or {@link Outcome#ABORTED} when the
   *     notifier stopped before either
   * @throws io.newsdelta.NewsdeltaException when the dead-letter topic cannot be written
   */
  public Outcome deliver(URI webhook, ArticleChange change, String source) {
    Attempt last = null;
    for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
      if (stop.isStopped()) {
        return Outcome.ABORTED;
      }
      try {
        last = sender.send(webhook, change, source);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.ABORTED;
      }
      if (last.delivered()) {
        if (attempt > 1) {
          LOG.info("Delivered {} to {} on attempt {}", change.changeId(), webhook, attempt);
        } else {
          LOG.debug("Delivered {} to {}", change.changeId(), webhook);
        }
        return Outcome.DELIVERED;
      }
      if (backoff.retriesAfter(attempt)) {
        Duration wait = backoff.delayAfter(attempt);
        LOG.warn(
            "Delivery of {} to {} failed (attempt {} of {}): {}; retrying in {} ms",
            change.changeId(), webhook, attempt, backoff.maxAttempts(), last.error(), wait.toMillis());
        if (!stop.pause(wait)) {
          return Outcome.ABORTED;
        }
      }
    }
    String lastError =
        last.error()
            + " (after " + backoff.maxAttempts() + (backoff.maxAttempts() == 1 ? " attempt" : " attempts")
            + "). Check that the endpoint is up and accepts POSTs of JSON (or fix notifier.webhooks), then"
            + " re-send this change from " + Topics.NOTIFICATIONS_DLQ
            + "; its Idempotency-Key makes a second delivery safe.";
    LOG.error(
        "Giving up on delivering {} to {} after {} attempts: {}; sent to {}",
        change.changeId(), webhook, backoff.maxAttempts(), last.error(), Topics.NOTIFICATIONS_DLQ);
    deadLetters.publish(new DeadLetter(change, channel(webhook), backoff.maxAttempts(), lastError, clock.instant()));
    return Outcome.DEAD_LETTERED;
  }
}
