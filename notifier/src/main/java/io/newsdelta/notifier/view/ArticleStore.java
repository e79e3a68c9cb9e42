package io.newsdelta.notifier.view;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every version of every tracked article, in memory. Safe for one writer and many readers: each article's
 * history is immutable and replaced whole, so a reader always sees a consistent article. Applying the same
 * event twice changes nothing, so the topics can be replayed.
 */
public final class ArticleStore {
  private static final Comparator<ArticleSummary> NEWEST_FIRST =
      Comparator.comparing(ArticleSummary::lastChanged, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(ArticleSummary::articleId);

  private final ConcurrentMap<String, ArticleHistory> articles = new ConcurrentHashMap<>();

  /** Records a version. */
  public void apply(ArticleVersion version) {
    Objects.requireNonNull(version.articleId(), "articleId");
    articles.compute(
        version.articleId(), (id, h) -> (h == null ? ArticleHistory.empty(id) : h).with(version));
  }

  /** Records a change (for its summary and flags); the versions themselves come from {@link #apply(ArticleVersion)}. */
  public void apply(ArticleChange change) {
    Objects.requireNonNull(change.articleId(), "articleId");
    articles.compute(change.articleId(), (id, h) -> (h == null ? ArticleHistory.empty(id) : h).with(change));
  }

  /** The articles with at least one version, the most recently changed first. */
  public List<ArticleSummary> articles() {
    return articles.values().stream()
        .map(ArticleStore::summary)
        .flatMap(Optional::stream)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** One article's history, if at least one of its versions is known. */
  public Optional<ArticleHistory> article(String articleId) {
    if (articleId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(articles.get(articleId)).filter(h -> !h.versions().isEmpty());
  }

  /** How many articles have at least one version. */
  public int size() {
    return (int) articles.values().stream().filter(h -> !h.versions().isEmpty()).count();
  }

  private static Optional<ArticleSummary> summary(ArticleHistory history) {
    return history
        .latest()
        .map(
            latest -> {
              Instant firstSeen = history.versions().get(0).observedAt();
              return new ArticleSummary(
                  history.articleId(),
                  latest.url(),
                  latest.title(),
                  history.versions().size(),
                  firstSeen,
                  latest.observedAt());
            });
  }
}
