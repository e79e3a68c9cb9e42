package io.newsdelta.events;

import java.time.Instant;

/**
 * A change the notifier could not deliver, on {@link Topics#NOTIFICATIONS_DLQ}.
 *
 * @param change the change that was not delivered
 * @param channel the name of the channel it was going to, for example {@code desk-slack} or
 *     {@code webhook:http://host/hook} (a URL of the {@code notifier.webhooks} short form); {@code dlq redrive}
 *     sends it there again
 * @param attempts how many times delivery was tried
 * @param lastError the last failure, with what to do about it
 * @param at when delivery was given up
 * @param reason why: {@link #ATTEMPTS_EXHAUSTED} or {@link #ENDPOINT_GONE} (added field; null read as the first)
 */
public record DeadLetter(
    ArticleChange change, String channel, int attempts, String lastError, Instant at, String reason) {
  /** Every attempt failed. */
  public static final String ATTEMPTS_EXHAUSTED = "attempts-exhausted";
  /** The endpoint answered 410 Gone: the channel is disabled until the notifier restarts. */
  public static final String ENDPOINT_GONE = "endpoint-gone";

  public DeadLetter {
    reason = reason == null ? ATTEMPTS_EXHAUSTED : reason;
  }

  /** A dead letter for a change whose attempts all failed. */
  public DeadLetter(ArticleChange change, String channel, int attempts, String lastError, Instant at) {
    this(change, channel, attempts, lastError, at, ATTEMPTS_EXHAUSTED);
  }
}
