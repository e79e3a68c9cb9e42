package io.newsdelta.events;

import java.time.Instant;

/**
 * A change the notifier could not deliver, on {@link Topics#NOTIFICATIONS_DLQ}.
 *
 * @param change the change that was not delivered
 * @param channel where it was going, for example {@code webhook:http://host/hook}
 * @param attempts how many times delivery was tried
 * @param lastError the last failure, with what to do about it
 * @param at when delivery was given up
 */
public record DeadLetter(ArticleChange change, String channel, int attempts, String lastError, Instant at) {}
