package io.newsdelta.history;

import java.time.Instant;

/**
 * One tracked article as the lists show it.
 *
 * @param articleId the normalised canonical URL
 * @param url the URL of the newest version
 * @param feedUrl the feed the article was found in, or null when not known (yet)
 * @param title the newest headline
 * @param firstSeen when version 1 was observed
 * @param lastChanged when the newest version was observed
 * @param versions how many versions are kept
 */
public record ArticleRow(
    String articleId, String url, String feedUrl, String title, Instant firstSeen, Instant lastChanged, int versions) {

  /** Whether it changed since it was first seen. */
  public boolean changed() {
    return versions > 1;
  }
}
