package io.newsdelta.notifier.view;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one article; immutable (the store replaces it on every update).
 *
 * @param articleId the normalised canonical URL
 * @param versions the versions, by ascending number, one per number
 * @param changes the announced changes, by the number of their newer version
 */
public record ArticleHistory(String articleId, List<ArticleVersion> versions, Map<Integer, ArticleChange> changes) {

  public ArticleHistory {
    versions = List.copyOf(versions);
    changes = Map.copyOf(changes);
  }

  static ArticleHistory empty(String articleId) {
    return new ArticleHistory(articleId, List.of(), Map.of());
  }

  /** This history with {@code version} added; a version number already present is replaced. */
  ArticleHistory with(ArticleVersion version) {
    List<ArticleVersion> next = new ArrayList<>(versions.size() + 1);
    for (ArticleVersion v : versions) {
      if (v.version() != version.version()) {
        next.add(v);
      }
    }
    next.add(version);
    next.sort(Comparator.comparingInt(ArticleVersion::version));
    return new ArticleHistory(articleId, next, changes);
  }

  /** This history with {@code change} added, filed under its newer version. */
  ArticleHistory with(ArticleChange change) {
    Map<Integer, ArticleChange> next = new HashMap<>(changes);
    next.put(change.toVersion(), change);
    return new ArticleHistory(articleId, versions, next);
  }

  /** The newest version, if any version is known. */
  public Optional<ArticleVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The change announced for the step to {@code toVersion}, if it was seen. */
  public Optional<ArticleChange> changeTo(int toVersion) {
    return Optional.ofNullable(changes.get(toVersion));
  }
}
