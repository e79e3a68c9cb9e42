package io.newsdelta.notifier.view;

import io.newsdelta.diff.Elapsed;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.history.ArticleRow;
import io.newsdelta.history.HistoryReader;
import io.newsdelta.history.VersionMeta;
import io.newsdelta.notifier.diff.VersionDiff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Builds each page's record from the history store. */
public final class HistoryView {
  /** Rows per page of the article lists. */
  public static final int PAGE_SIZE = 50;
  static final int LATEST_CHANGES = 20;
  static final int MOST_REVISED = 50;

  private final HistoryReader store;
  private final Clock clock;

  public HistoryView(HistoryReader store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public HistoryReader store() {
    return store;
  }

  public Pages.Index index(String feed, int page) {
    return new Pages.Index(
        store.feeds(100), store.latestChanges(feed, null, LATEST_CHANGES), store.articles(feed, page, PAGE_SIZE), feed);
  }

  public Optional<Pages.Article> article(String articleId) {
    return store.article(articleId).map(a -> {
      List<VersionMeta> versions = store.timeline(articleId);
      Map<Integer, ArticleChange> changes = new HashMap<>();
      // Removals, moves and restorations refer to a version without changing its text: listed apart.
      List<ArticleChange> lifecycle = new ArrayList<>();
      for (ArticleChange c : store.changesOf(articleId)) {
        if (Links.isEdit(c)) {
          changes.put(c.toVersion(), c);
        } else {
          lifecycle.add(c);
        }
      }
      List<Pages.TimelineEntry> timeline = new ArrayList<>();
      List<String> headlines = new ArrayList<>();
      VersionMeta previous = null;
      for (VersionMeta v : versions) {
        boolean headlineChanged = previous != null && !Objects.equals(previous.title(), v.title());
        timeline.add(new Pages.TimelineEntry(v, previous == null ? null : gap(previous.observedAt(), v.observedAt()),
            changes.get(v.version()), headlineChanged));
        if (v.title() != null && (headlines.isEmpty() || !headlines.get(headlines.size() - 1).equals(v.title()))) {
          headlines.add(v.title());
        }
        previous = v;
      }
      return new Pages.Article(a, timeline, headlines, Math.max(0, versions.size() - 1), lifecycle);
    });
  }

  /** Versions {@code from} and {@code to} of an article compared, when the article has both. */
  public Optional<Pages.Diff> diff(String articleId, int from, int to, boolean side) {
    Optional<ArticleRow> article = store.article(articleId);
    Optional<ArticleVersion> older = store.version(articleId, from);
    Optional<ArticleVersion> newer = store.version(articleId, to);
    if (article.isEmpty() || older.isEmpty() || newer.isEmpty()) {
      return Optional.empty();
    }
    ArticleVersion a = older.get();
    ArticleVersion b = newer.get();
    return Optional.of(new Pages.Diff(article.get(), meta(a), meta(b), gap(a.observedAt(), b.observedAt()),
        VersionDiff.between(a, b), side, store.timeline(articleId)));
  }

  public Pages.Search search(String query, int page) {
    return new Pages.Search(query == null ? "" : query, store.search(query, page, PAGE_SIZE));
  }

  public Pages.MostRevised mostRevised(String period, Duration length) {
    return new Pages.MostRevised(period, store.mostRevised(Instant.now(clock).minus(length), MOST_REVISED));
  }

  private static VersionMeta meta(ArticleVersion v) {
    return new VersionMeta(v.version(), v.observedAt(), v.title(), v.url());
  }

  private static String gap(Instant a, Instant b) {
    return a == null || b == null ? null : Elapsed.later(Duration.between(a, b));
  }
}
