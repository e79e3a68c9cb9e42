package io.newsdelta.extract;

import java.time.Instant;
import java.util.List;

/**
 * The text and metadata extracted from one article page.
 *
 * @param title the headline, normalised, without a trailing " - Site name"; null if none was found
 * @param standfirst the summary under the headline (from the page description), or null
 * @param byline the author(s) as printed or declared, or null
 * @param publishedAt when the page says the article was first published, or null
 * @param modifiedAt when the page says the article was last modified, or null
 * @param language the page language as a BCP 47 tag, for example {@code de-DE}, or null
 * @param canonicalUrl the canonical URL the page declares, else the URL it was fetched from
 * @param paragraphs the body, one normalised string per paragraph, heading, list item or quote, in
 *     reading order; empty when no article was found
 * @param method which rule or heuristic produced the body, for example {@code site-rule:www.bbc.co.uk},
 *     {@code schema.org articleBody} or {@code scored: div#story-body}; useful when writing a site rule
 * @param emptyReason why {@code paragraphs} is empty; null unless it is
 */
public record ExtractedArticle(
    String title,
    String standfirst,
    String byline,
    Instant publishedAt,
    Instant modifiedAt,
    String language,
    String canonicalUrl,
    List<String> paragraphs,
    String method,
    String emptyReason) {

  public ExtractedArticle {
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
  }

  /** An article without body text, carrying only the reason. */
  static ExtractedArticle empty(String url, String reason) {
    return new ExtractedArticle(null, null, null, null, null, null, url, List.of(), "none", reason);
  }

  /** The title and the paragraphs joined with newlines, the text the diff worker compares. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      sb.append(title);
    }
    for (String p : paragraphs) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(p);
    }
    return sb.toString();
  }
}
