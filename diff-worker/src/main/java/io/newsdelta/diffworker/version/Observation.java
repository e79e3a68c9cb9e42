package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;

/**
 * What one observation of an article leads to.
 *
 * @param state the state to keep (unchanged when nothing is new)
 * @param version the new version, or null when the text did not change
 * @param change the change from the previous version, or null (first version, or nothing new)
 */
public record Observation(ArticleState state, ArticleVersion version, ArticleChange change) {
  public boolean isNewVersion() {
    return version != null;
  }
}
