package io.newsdelta.events;

import java.time.Instant;

/**
 * A page as fetched by ingest, on {@link Topics#RAW_VERSIONS}, keyed by article id; or, when {@code lifecycle}
 * is set, what ingest concluded about the article's existence (taken down, moved, back), on the same topic and
 * key so it keeps its place among the article's versions.
 *
 * @param articleId the normalised canonical URL ({@link ArticleIds#of(String)})
 * @param url the URL that was fetched
 * @param feedUrl the feed the article was found in
 * @param fetchedAt when the response was received
 * @param httpStatus the HTTP status of the response (for a {@code removed} or {@code moved} event, the status
 *     that made it: 404, 410, 451, or the redirect's 301, 302, 307, 308)
 * @param contentType the Content-Type header, or null when absent
 * @param bodySha256 hex SHA-256 of the body as decoded text (UTF-8)
 * @param body the HTML as fetched, decoded to text with the charset of the response; empty for a
 *     {@code removed} or {@code moved} event
 * @param lifecycle null for an ordinary page version; else the article was confirmed {@code removed} or
 *     {@code moved}, or is {@code restored} (then the body is the page it answered again, an ordinary version
 *     besides) (added field)
 */
public record RawVersion(
    String articleId,
    String url,
    String feedUrl,
    Instant fetchedAt,
    int httpStatus,
    String contentType,
    String bodySha256,
    String body,
    Lifecycle lifecycle) {

  /** A page version, as every raw version was before lifecycle events existed. */
  public RawVersion(String articleId, String url, String feedUrl, Instant fetchedAt, int httpStatus,
      String contentType, String bodySha256, String body) {
    this(articleId, url, feedUrl, fetchedAt, httpStatus, contentType, bodySha256, body, null);
  }

  /**
   * What ingest concluded about an article's existence, after consecutive answers over {@code
   * ingest.removal-after} (transient failures such as 5xx and timeouts never count).
   *
   * @param kind {@code removed} (404, 410 or 451), {@code moved} (redirected to another URL) or {@code restored}
   *     (answering its own page again after a removal or a move)
   * @param since when the first of the consecutive answers came (for {@code restored}, when the removal or move
   *     that ends was first seen)
   * @param answers how many consecutive answers confirmed it (1 for {@code restored})
   * @param movedTo for {@code moved}, the URL the redirects end on, else null
   * @param reason a short human reason: {@code 410 Gone}, {@code 404 Not Found}, {@code 301 Moved Permanently}
   */
  public record Lifecycle(LifecycleKind kind, Instant since, int answers, String movedTo, String reason) {}

  /** What happened to the article; serialised lower-case, as {@link ArticleChange.Kind}. */
  public enum LifecycleKind {
    @com.fasterxml.jackson.annotation.JsonProperty("removed")
    REMOVED,
    @com.fasterxml.jackson.annotation.JsonProperty("moved")
    MOVED,
    @com.fasterxml.jackson.annotation.JsonProperty("restored")
    RESTORED
  }
}
