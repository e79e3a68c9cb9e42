package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import java.util.List;

/**
 * What one observation of an article leads to.
 *
 * @param state the state to keep (the same instance when nothing changed)
 * @param version the new version, or null when the text did not change
 * @param changes the changes to announce, oldest first: none (first version, nothing new, a re-baseline, a
 *     repeated flip-flop, held append-only updates), usually one, two when held additions are released just
 *     before a re-baseline
 */
public record Observation(ArticleState state, ArticleVersion version, List<ArticleChange> changes) {
  public Observation {
    changes = List.copyOf(changes);
  }

  Observation(ArticleState state, ArticleVersion version, ArticleChange change) {
    this(state, version, change == null ? List.of() : List.of(change));
  }

  public boolean isNewVersion() {
    return version != null;
  }

  /** The last change to announce, or null when there is none. */
  public ArticleChange change() {
    return changes.isEmpty() ? null : changes.get(changes.size() - 1);
  }
}
