package io.newsdelta.events;

import java.time.Instant;
import java.util.List;

/**
 * A distinct version of an article's text, on {@link Topics#ARTICLE_VERSIONS}, keyed by article id.
 *
 * @param articleId the normalised canonical URL
 * @param url the URL the version was fetched from
 * @param version 1, 2, 3 … per article, one per distinct text; no number is skipped or repeated
 * @param observedAt the fetch time of the raw version this text came from
 * @param title the headline
 * @param byline the author line, or null
 * @param paragraphs the body, one string per paragraph, normalised
 * @param textSha256 hex SHA-256 of the normalised title and paragraphs, the identity of the text
 * @param standfirst the summary under the headline, or null (added field)
 * @param extractorVersion the extraction rules that produced this text ({@code ExtractorVersion.CURRENT} of the
 *     worker), or null in versions written before the field existed (added field)
 * @param rebaseline true when this version exists because the extractor changed, not the page: it is recorded
 *     and numbered like any version, but no change is announced for it (added field)
 * @param revertOf the earlier version number whose text this version equals, or null (added field; also on
 *     the change when one is announced)
 */
public record ArticleVersion(
    String articleId,
    String url,
    int version,
    Instant observedAt,
    String title,
    String byline,
    List<String> paragraphs,
    String textSha256,
    String standfirst,
    String extractorVersion,
    boolean rebaseline,
    Integer revertOf) {

  public ArticleVersion {
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
  }

  /** A version without the added provenance fields (as written before they existed). */
  public ArticleVersion(
      String articleId,
      String url,
      int version,
      Instant observedAt,
      String title,
      String byline,
      List<String> paragraphs,
      String textSha256,
      String standfirst) {
    this(articleId, url, version, observedAt, title, byline, paragraphs, textSha256, standfirst, null, false, null);
  }
}
