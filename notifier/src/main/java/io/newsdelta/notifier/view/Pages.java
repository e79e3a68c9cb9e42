package io.newsdelta.notifier.view;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.history.ArticleRow;
import io.newsdelta.history.FeedRow;
import io.newsdelta.history.Page;
import io.newsdelta.history.RevisedRow;
import io.newsdelta.history.VersionMeta;
import io.newsdelta.notifier.diff.VersionDiff;
import java.util.List;

/** The records the templates render, one per page. */
public final class Pages {
  private Pages() {}

  /**
   * {@code /}: the sources and the latest changes, then the tracked articles.
   *
   * @param feed the feed the list is limited to, or null
   */
  public record Index(List<FeedRow> feeds, List<ArticleChange> latest, Page<ArticleRow> articles, String feed) {}

  /**
   * One version on a timeline.
   *
   * @param version the version
   * @param gap how long after the previous one it was seen ("40 minutes later"), null for version 1
   * @param change the change that led to it, when known
   * @param headlineChanged whether its headline differs from the previous version's
   */
  public record TimelineEntry(VersionMeta version, String gap, ArticleChange change, boolean headlineChanged) {}

  /**
   * {@code /article}: an article's timeline and headline history.
   *
   * @param headlines each distinct headline in the order they were used
   */
  public record Article(ArticleRow article, List<TimelineEntry> timeline, List<String> headlines, int changes,
      List<ArticleChange> lifecycle) {
    /** An article page without removals, moves or restorations. */
    public Article(ArticleRow article, List<TimelineEntry> timeline, List<String> headlines, int changes) {
      this(article, timeline, headlines, changes, List.of());
    }
  }

  /**
   * {@code /diff}: two versions compared.
   *
   * @param gap the time between them ("40 minutes later")
   * @param side whether to show them side by side
   * @param versions every version of the article (for the choice of two others)
   */
  public record Diff(ArticleRow article, VersionMeta from, VersionMeta to, String gap, VersionDiff diff,
      boolean side, List<VersionMeta> versions) {}

  /** {@code /search}. */
  public record Search(String query, Page<ArticleRow> results) {}

  /** {@code /most-revised}. */
  public record MostRevised(String period, List<RevisedRow> rows) {}

  /** A page that explains why there is nothing to show (404, 400). */
  public record Message(String title, String text) {}
}
