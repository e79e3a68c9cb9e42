package io.newsdelta.diffworker.version;

import io.newsdelta.events.Hashes;
import java.util.List;

/**
 * The normalised text of one observation of an article.
 *
 * @param title the headline
 * @param standfirst the summary under the headline, or null
 * @param byline the author line, or null
 * @param paragraphs the body
 */
public record ArticleText(String title, String standfirst, String byline, List<String> paragraphs) {
  public ArticleText {
    title = title == null ? "" : title;
    paragraphs = List.copyOf(paragraphs);
  }

  /** The identity of the text: SHA-256 of the headline and the paragraphs, one per line. */
  public String sha256() {
    return Hashes.sha256(title + "\n\n" + String.join("\n", paragraphs));
  }
}
