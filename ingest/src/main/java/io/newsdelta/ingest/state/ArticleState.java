package io.newsdelta.ingest.state;

import io.newsdelta.events.RawVersion.LifecycleKind;
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
 * <p>Written after every fetch of the article (successful or not) that changed more than the count and the due
 * times — an unchanged check is written later ({@link StateWrites}) — and only after the raw version it
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
 * @param etag the ETag of the last page taken in (published or found unchanged), sent as If-None-Match; or null
 * @param lastModified its Last-Modified, sent as If-Modified-Since; or null
 * @param textSha256 fingerprint of the article text of the last raw version published (title, standfirst,
 *     byline and paragraphs as the extractor reads them, and the extractor version); a fetched page is
 *     published only when its fingerprint differs; null before the first or for states of older releases
 * @param pageUrl the URL the article's own page last answered from, after redirects: a later answer that ends on
 *     another URL is a move; null before the first answer or for states of older releases (the next answer's URL
 *     is then taken as the page's, so a feed's redirecting link is not taken for a move)
 * @param absence the removal-looking answers in a row and what was announced of them; null while the article
 *     answers its page and no removal or move is announced
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
    String lastErrorKind,
    String etag,
    String lastModified,
    String textSha256,
    String pageUrl,
    Absence absence) {

  /**
   * Consecutive removal-looking answers of one kind, and the removal or move announced, which stays until the
   * article answers its page again (then {@code restored} is announced).
   *
   * @param kind what the answers in a row look like: {@code removed} (404, 410, 451) or {@code moved}
   * @param status the HTTP status of the latest of them (for a move, the first redirect's)
   * @param movedTo for a move, the URL the redirects end on
   * @param since when the first answer in a row came
   * @param answers how many came in a row
   * @param announced the kind announced ({@code removed}, {@code moved}), or null while none is
   * @param announcedTo the target of the move announced, or null
   * @param announcedSince when the removal or move announced was first seen, or null
   */
  public record Absence(LifecycleKind kind, int status, String movedTo, Instant since, int answers,
      LifecycleKind announced, String announcedTo, Instant announcedSince) {
    /** Whether the answers in a row are the ones already announced. */
    public boolean alreadyAnnounced() {
      return announced != null && announced == kind && java.util.Objects.equals(announcedTo, movedTo);
    }
  }

  /** A state before removal detection. */
  public ArticleState(String articleId, String url, String feedUrl, Instant firstSeen, int fetches,
      Instant lastFetchAt, Instant nextCheckAt, String lastPublishedSha256, Instant lastPublishedAt,
      String lastErrorKind, String etag, String lastModified, String textSha256) {
    this(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt, lastPublishedSha256,
        lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, null, null);
  }

  /** A state of an earlier release, without validators or text fingerprint. */
  public ArticleState(String articleId, String url, String feedUrl, Instant firstSeen, int fetches,
      Instant lastFetchAt, Instant nextCheckAt, String lastPublishedSha256, Instant lastPublishedAt,
      String lastErrorKind) {
    this(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt, lastPublishedSha256,
        lastPublishedAt, lastErrorKind, null, null, null);
  }

  public ArticleState {
    // The URL is most often the id itself: one string then, not two equal copies (memory per article).
    if (url != null && url.equals(articleId)) {
      url = articleId;
    }
    if (pageUrl != null && pageUrl.equals(url)) {
      pageUrl = url;
    }
  }

  /** An article just found in a feed and not yet fetched: due at once. */
  public static ArticleState discovered(String articleId, String url, String feedUrl, Instant now) {
    return new ArticleState(articleId, url, feedUrl, now, 0, null, now, null, null, null);
  }

  /** This state after a fetch at {@code at}, with the next check as computed by the schedule. */
  public ArticleState fetched(Instant at, Instant next, String errorKind) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches + 1, at, next, lastPublishedSha256,
        lastPublishedAt, errorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state after publishing a raw version with the given hash, fetched at {@code fetchedAt}. */
  public ArticleState published(String sha256, Instant fetchedAt) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt, sha256,
        fetchedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state with the validators of the page just taken in and the fingerprint of its text. */
  public ArticleState taken(String etag, String lastModified, String textSha256) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt,
        lastPublishedSha256, lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state waiting until {@code at}, without counting a check (a 429/503 asked to come back later). */
  public ArticleState deferred(Instant at) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, at, lastPublishedSha256,
        lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state with the feed URL given (the same string object every article of the feed shares). */
  public ArticleState withFeedUrl(String sharedFeedUrl) {
    return new ArticleState(articleId, url, sharedFeedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt,
        lastPublishedSha256, lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state with the page's URL (after redirects) and the removal bookkeeping given. */
  public ArticleState located(String pageUrl, Absence absence) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, nextCheckAt,
        lastPublishedSha256, lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }

  /** This state with the next check moved to {@code at}. */
  public ArticleState nextCheck(Instant at) {
    return new ArticleState(articleId, url, feedUrl, firstSeen, fetches, lastFetchAt, at, lastPublishedSha256,
        lastPublishedAt, lastErrorKind, etag, lastModified, textSha256, pageUrl, absence);
  }
}
