package io.newsdelta.history;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import java.time.Instant;
import java.util.List;

/** Versions and changes shaped as the diff worker writes them. */
final class Events {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private Events() {}

  static ArticleVersion version(String articleId, int n, int minutes, String title, String... paragraphs) {
    return new ArticleVersion(articleId, articleId, n, T0.plusSeconds(60L * minutes), title, "By A. Writer",
        List.of(paragraphs), "sha-" + n, null);
  }

  static ArticleChange change(ArticleVersion from, ArticleVersion to) {
    return new ArticleChange(ArticleChange.idOf(from.articleId(), from.version(), to.version()), to.articleId(),
        to.url(), to.title(), from.version(), to.version(), from.observedAt(), to.observedAt(),
        !from.title().equals(to.title()), false, null, List.of(new Hunk(Hunk.Op.REPLACE, "Ten", "Twelve")),
        new ChangeStats(1, 1), "Version " + from.version() + " → " + to.version(), from.title());
  }
}
