package io.newsdelta.events;

import java.time.Instant;
import java.util.List;

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
 * @param text the article text ingest extracted from {@code body} to fingerprint it, so the diff worker need not
 *     extract the page again when it runs the same extractor; null when ingest did not extract (a lifecycle event
 *     without a page, a record written before the field existed) (added field)
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
    Lifecycle lifecycle,
    Text text) {

  /** A page version, as every raw version was before lifecycle events existed. */
  public RawVersion(String articleId, String url, String feedUrl, Instant fetchedAt, int httpStatus,
      String contentType, String bodySha256, String body) {
    this(articleId, url, feedUrl, fetchedAt, httpStatus, contentType, bodySha256, body, null, null);
  }

  /** A page version or lifecycle event without the extracted text, as raw versions were before it was carried. */
  public RawVersion(String articleId, String url, String feedUrl, Instant fetchedAt, int httpStatus,
      String contentType, String bodySha256, String body, Lifecycle lifecycle) {
    this(articleId, url, feedUrl, fetchedAt, httpStatus, contentType, bodySha256, body, lifecycle, null);
  }

  /** This raw version with {@code text} as its extracted text. */
  public RawVersion withText(Text text) {
    return new RawVersion(articleId, url, feedUrl, fetchedAt, httpStatus, contentType, bodySha256, body, lifecycle,
        text);
  }

  /** This raw version with {@code lifecycle} as ingest's verdict on the article. */
  public RawVersion withLifecycle(Lifecycle lifecycle) {
    return new RawVersion(articleId, url, feedUrl, fetchedAt, httpStatus, contentType, bodySha256, body, lifecycle,
        text);
  }

  /**
   * The article text of a page as an extractor read it. A reader that runs another extractor, or the same one with
   * other site rules, sees a different {@code extractor} and extracts the body itself.
   *
   * @param extractor which extractor produced it: its version and a digest of its site rules, for example {@code
   *     2} (no site rules) or {@code 2+rules:1a2b3c4d5e6f}
   * @param title the headline, or null
   * @param standfirst the summary under the headline, or null
   * @param byline the author(s), or null
   * @param paragraphs the body, one normalised string per paragraph; empty when the extractor found no article text
   * @param emptyReason why {@code paragraphs} is empty; null unless it is
   */
  public record Text(String extractor, String title, String standfirst, String byline, List<String> paragraphs,
      String emptyReason) {
    public Text {
      paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
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
