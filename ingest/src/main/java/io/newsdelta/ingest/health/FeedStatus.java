package io.newsdelta.ingest.health;

import java.time.Instant;

/**
 * One feed's status as the instance that polls it last wrote it on {@code newsdelta.feeds.status} (key = feed
 * URL). Internal but stable: fields are only added.
 *
 * @param url the feed URL (the registry key)
 * @param kind {@code feed} or {@code sitemap}
 * @param owner the ingest instance that polls it ({@code host/pid/suffix})
 * @param health {@code ok}, {@code stale}, {@code failing}, or {@code unknown} before the first poll ended
 * @param since when this owner started polling it
 * @param lastPollAt when its last poll ended, or null
 * @param lastOutcome {@code parsed}, {@code not_modified} or {@code failed}, or null
 * @param lastSuccessAt when a poll last succeeded, or null
 * @param lastNewItemAt when a poll last found an item the previous one did not list, or null
 * @param items the items (articles) its last parsed document listed
 * @param consecutiveFailures polls failed in a row now
 * @param errors polls failed since this owner started polling it
 * @param lastError the message of its last failure, or null once it works again
 * @param updatedAt when this status was written
 */
public record FeedStatus(
    String url,
    String kind,
    String owner,
    String health,
    Instant since,
    Instant lastPollAt,
    String lastOutcome,
    Instant lastSuccessAt,
    Instant lastNewItemAt,
    int items,
    int consecutiveFailures,
    long errors,
    String lastError,
    Instant updatedAt) {}
