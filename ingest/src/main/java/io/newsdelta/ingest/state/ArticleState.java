package io.newsdelta.ingest.state;

import java.time.Instant;

/**
 * What ingest remembers about one article: the value on the compacted {@link
 * io.newsdelta.events.Topics#INGEST_STATE} topic, keyed by article id, JSON like
 *
 * <pre>{@code
 * {"articleId":"https://news.example/a/1","url":"https://news.example/a/1?utm_source=rss",
 *  "feedUrl":"https://news.example/rss","firstSeen":"2025-01-01T10:00:00Z","fetches":2,
 *  "lastFetchAt":"2025-01-01T10:05:01Z","nextCheckAt":"2025-01-01T10:20:01Z",
 *  "lastPublishedSha256":"9f86…","lastPublishedAt":"2025-01-01T10:00:01Z","lastErrorKind":null}
 * }</pre>
 *
 * <p>Written after every fetch of the article (successful or not), and only after the raw version it
 * may have produced was acknowledged by Kafka, so a crash can at worst re-publish the same bytes. Fields
 * are only ever added; readers ignore unknown ones.
 *
 * @param articleId the article id ({@link io.newsdelta.events.ArticleIds#of(String)})
 * @param url the article URL as found in the feed, the one fetched
 * @param feedUrl the feed the article was first found in
 * @param firstSeen when the article was first seen in a feed
 * @param fetches fetches made so far, successful or not (the first fetch plus the re-checks)
 * @param lastFetchAt when the last fetch ran, or null before the first
 * @param nextCheckAt when the next re-check is due, or null when the schedule is over
 * @param lastPublishedSha256 {@code bodySha256} of the last raw version published, or null when none was
 * @param lastPublishedAt {@code fetchedAt} of the last raw version published, or null when none was
 * @param lastErrorKind the {@code kind} of the error the last fetch failed with, or null when it succeeded;
 *     an error is reported once, not again while the same failure persists
 */
public record ArticleState(
    String articleId,
    String url,
    String feedUrl,
    Instant firstSeen,
    int fetches,
    Instant lastFetchAt,
    Instant nextCheckAt,
    String lastPublishedSha256,
    Instant lastPublishedAt,
    String lastErrorKind) {

  /** An article just found in a feed and not yet fetched: due at once. */
  public static ArticleState discovered(String articleId, String url, String feedUrl, Instant now) {
    return new ArticleState(articleId, url, feedUrl, now, 0, null, now, null, null, null);
  }

  /** This state after a fetch at {@code at}, with the next check as computed by the schedule. */
  public ArticleState fetched(Instant at, Instant next, String errorKind) {
    return new ArticleState(
        articleId, url, feedUrl, firstSeen, fetches + 1, at, next, lastPublishedSha256, lastPublishedAt, errorKind);
  }

  /** This state after publishing a raw version with the given hash, fetched at {@code fetchedAt}. */
  public ArticleState published(String sha256, Instant fetchedAt) {
    return new ArticleState(
        articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt, sha256, fetchedAt, lastErrorKind);
  }
}
