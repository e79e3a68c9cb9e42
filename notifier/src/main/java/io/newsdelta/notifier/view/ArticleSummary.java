package io.newsdelta.notifier.view;

import java.time.Instant;

/**
 * One line of the list of tracked articles.
 *
 * @param articleId the normalised canonical URL
 * @param url the URL the newest version was fetched from
 * @param title the newest headline
 * @param versions how many versions are known
 * @param firstSeen when the oldest known version was observed
 * @param lastChanged when the newest version was observed
 */
public record ArticleSummary(
    String articleId, String url, String title, int versions, Instant firstSeen, Instant lastChanged) {

  /** Whether the article has changed since it was first seen. */
  public boolean changed() {
    return versions > 1;
  }
}
