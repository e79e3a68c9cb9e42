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
      Integer revertOf,
      boolean appendOnly,
      String correctionNote) {
    StringBuilder s = new StringBuilder();
    s.append("Version ").append(from.version()).append(" → ").append(to.version());
    s.append(" (").append(Elapsed.later(Duration.between(from.observedAt(), to.observedAt()))).append("): ");
    if (revertOf != null) {
      s.append("reverted to the text of version ").append(revertOf).append("; ");
    }
    if (correctionNote != null) {
      s.append("correction note added: \"").append(quote(correctionNote.lines().findFirst().orElse(""))).append("\"; ");
    }
    if (headlineChanged) {
      s.append("headline changed from \"").append(from.title()).append("\" to \"").append(to.title()).append("\"; ");
    }
    long replaced = hunks.stream().filter(h -> h.op() == Hunk.Op.REPLACE).count();
    long inserted = hunks.stream().filter(h -> h.op() == Hunk.Op.INSERT).count();
    long deleted = hunks.stream().filter(h -> h.op() == Hunk.Op.DELETE).count();
    if (appendOnly) {
      return appended(s, from, to, hunks);
    }
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

  /** Up to this many added paragraphs are quoted in a live blog's summary. */
  private static final int QUOTED = 3;
  private static final int QUOTE_CHARS = 80;

  private static String appended(StringBuilder s, ArticleVersion from, ArticleVersion to, List<Hunk> hunks) {
    List<String> added = hunks.stream().flatMap(h -> h.newText().lines()).filter(l -> !l.isBlank()).toList();
    int updates = to.version() - from.version();
    s.append(added.size()).append(added.size() == 1 ? " paragraph" : " paragraphs").append(" added");
    if (updates > 1) {
      s.append(" in ").append(updates).append(" updates");
    }
    s.append(": ");
    for (int i = 0; i < Math.min(QUOTED, added.size()); i++) {
      String p = added.get(i);
      s.append(i == 0 ? "" : "; ").append('"').append(quote(p)).append('"');
    }
    if (added.size() > QUOTED) {
      s.append(" and ").append(added.size() - QUOTED).append(" more");
    }
    return s.toString();
  }

  private static String quote(String p) {
    return p.length() > QUOTE_CHARS ? p.substring(0, QUOTE_CHARS).strip() + "…" : p;
  }
}
