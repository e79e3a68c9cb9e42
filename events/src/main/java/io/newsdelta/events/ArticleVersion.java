package io.newsdelta.events;

import java.time.Instant;
import java.util.List;

/**
 * A distinct version of an article's text, on {@link Topics#ARTICLE_VERSIONS}, keyed by article id.
 *
 * @param articleId the normalised canonical URL
 * @param url the URL the version was fetched from
 * @param version 1, 2, 3 … per article, one per distinct text
 * @param observedAt the fetch time of the raw version this text came from
 * @param title the headline
 * @param byline the author line, or null
 * @param paragraphs the body, one string per paragraph, normalised
 * @param textSha256 hex SHA-256 of the normalised title and paragraphs, the identity of the text
 * @param standfirst the summary under the headline, or null (added field)
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
    String standfirst) {

  public ArticleVersion {
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
  }
}
