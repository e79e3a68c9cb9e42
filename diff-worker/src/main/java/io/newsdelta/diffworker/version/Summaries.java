package io.newsdelta.diffworker.version;

import io.newsdelta.diff.Elapsed;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import java.util.List;
import java.time.Duration;

/** One human line describing a change, for alerts and feeds. */
final class Summaries {
  private Summaries() {}

  static String of(
      ArticleVersion from,
      ArticleVersion to,
      List<Hunk> hunks,
      ChangeStats stats,
      boolean headlineChanged,
      Integer revertOf) {
    StringBuilder s = new StringBuilder();
    s.append("Version ").append(from.version()).append(" → ").append(to.version());
    s.append(" (").append(Elapsed.later(Duration.between(from.observedAt(), to.observedAt()))).append("): ");
    if (revertOf != null) {
      s.append("reverted to the text of version ").append(revertOf).append("; ");
    }
    if (headlineChanged) {
      s.append("headline changed from \"").append(from.title()).append("\" to \"").append(to.title()).append("\"; ");
    }
    long replaced = hunks.stream().filter(h -> h.op() == Hunk.Op.REPLACE).count();
    long inserted = hunks.stream().filter(h -> h.op() == Hunk.Op.INSERT).count();
    long deleted = hunks.stream().filter(h -> h.op() == Hunk.Op.DELETE).count();
    if (hunks.isEmpty()) {
      s.append("body unchanged");
    } else {
      s.append(stats.wordsAdded()).append(" words added, ")
          .append(stats.wordsRemoved()).append(" removed in ")
          .append(replaced).append(" replaced, ")
          .append(inserted).append(" inserted and ")
          .append(deleted).append(" deleted passages");
    }
    return s.toString();
  }
}
