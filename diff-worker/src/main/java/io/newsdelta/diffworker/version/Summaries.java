package io.newsdelta.diffworker.version;

import io.newsdelta.diff.Elapsed;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/** One human line describing a change, for alerts and feeds. */
final class Summaries {
  private Summaries() {}

  /** What changed besides the body. */
  record Flags(boolean headline, boolean byline, boolean standfirst, boolean lede) {}

  /**
   * "Version 1 → 2 (40 minutes later): 2 sentences added, 1 rewritten, 1 moved; headline changed from "…" to
   * "…"; byline changed; lede changed (25 words added, 3 removed)".
   */
  static String of(
      ArticleVersion from,
      ArticleVersion to,
      List<Hunk> hunks,
      ChangeStats stats,
      Flags flags,
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
    if (appendOnly) {
      return appended(s, from, to, hunks);
    }
    List<String> parts = new ArrayList<>();
    String sentences = sentences(stats);
    if (!sentences.isEmpty()) {
      parts.add(sentences);
    }
    if (flags.headline()) {
      parts.add("headline changed from \"" + from.title() + "\" to \"" + to.title() + "\"");
    }
    if (flags.standfirst()) {
      parts.add("standfirst changed");
    }
    if (flags.byline()) {
      parts.add("byline changed");
    }
    if (flags.lede()) {
      parts.add("lede changed");
    }
    if (hunks.isEmpty()) {
      parts.add("body unchanged");
    }
    s.append(String.join("; ", parts));
    if (stats.wordsAdded() + stats.wordsRemoved() > 0) {
      s.append(" (").append(stats.wordsAdded()).append(" words added, ").append(stats.wordsRemoved())
          .append(" removed)");
    }
    return s.toString();
  }

  /** "2 sentences added, 1 rewritten, 1 moved", or "" when no sentence changed. */
  static String sentences(ChangeStats stats) {
    List<String> counts = new ArrayList<>();
    count(counts, stats.sentencesAdded(), "added");
    count(counts, stats.sentencesDeleted(), "deleted");
    count(counts, stats.sentencesEdited(), "rewritten");
    count(counts, stats.sentencesMoved(), "moved");
    if (counts.isEmpty()) {
      return "";
    }
    int first = Integer.parseInt(counts.get(0).substring(0, counts.get(0).indexOf(' ')));
    counts.set(0, counts.get(0).replaceFirst(" ", first == 1 ? " sentence " : " sentences "));
    return String.join(", ", counts);
  }

  private static void count(List<String> counts, int n, String what) {
    if (n > 0) {
      counts.add(n + " " + what);
    }
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
