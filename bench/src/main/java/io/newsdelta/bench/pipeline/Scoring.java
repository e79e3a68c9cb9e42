package io.newsdelta.bench.pipeline;

import io.newsdelta.bench.edit.Ledger;
import io.newsdelta.bench.edit.LedgerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Ledger against alerts: which real edits were detected (an alert for the article, observed after the
 * edit, showing the edit's text), which were missed, which alerts nothing explains (a boilerplate change
 * wrongly reported), and the latencies of the detected ones.
 */
final class Scoring {

  /** Share of the expected text's words that must appear in the alert's hunks. */
  static final double TEXT_MATCH = 0.6;

  record Result(int realEdits, int boilerplateChanges, int detected, int missed, int unexplainedAlerts,
      int alertsOnArticlesNeverEdited, long[] editToAlert, long[] beyondWait, long[] pipelineOwn,
      long[] recheckLateness, List<LedgerEntry> missedEdits, List<Alert> unexplained, List<Alert> matched) {}

  private Scoring() {}

  /**
   * Scores the run.
   *
   * @param gapMillis the re-check gap: an edit made at {@code t} after a check at {@code c} is due at
   *                  {@code max(t, c + gap)}, or when the edited page was first served if that came sooner
   */
  static Result score(Ledger ledger, List<Alert> alerts, long gapMillis) {
    List<LedgerEntry> entries = ledger.entries();
    Map<Integer, List<Alert>> byArticle = new HashMap<>();
    for (Alert a : alerts) {
      byArticle.computeIfAbsent(a.article(), k -> new ArrayList<>()).add(a);
    }
    byArticle.values().forEach(l -> l.sort(Comparator.comparingLong(Alert::toObservedAtMillis)));
    Set<Alert> used = new HashSet<>();
    Set<Integer> edited = new HashSet<>();
    List<Long> latency = new ArrayList<>();
    List<Long> beyond = new ArrayList<>();
    List<Long> own = new ArrayList<>();
    List<Long> late = new ArrayList<>();
    List<LedgerEntry> missed = new ArrayList<>();
    List<Alert> matched = new ArrayList<>();
    int real = 0;
    int boilerplate = 0;
    int detected = 0;
    for (LedgerEntry e : entries) {
      if (!e.real()) {
        boilerplate++;
        continue;
      }
      real++;
      edited.add(e.article());
      Alert match = null;
      for (Alert a : byArticle.getOrDefault(e.article(), List.of())) {
        if (!used.contains(a) && a.toObservedAtMillis() >= e.atMillis() && shows(a, e)) {
          match = a;
          break;
        }
      }
      if (match == null) {
        missed.add(e);
        continue;
      }
      used.add(match);
      matched.add(match);
      detected++;
      long due = Math.max(e.atMillis(), e.lastCheckBefore() + gapMillis);
      OptionalLong served = ledger.firstServed(e);
      // A re-check that came before its nominal time ends the wait there. Ingest's first re-check of an article
      // comes a gap after the article was first seen in a feed (ingest.article-recheck), and in a first pass of
      // thousands its first fetch waits behind the backlog, so that re-check comes sooner than a gap after the
      // fetch the site saw. Counting from the nominal time would make the part beyond the wait shorter than the
      // pipeline's own part, even negative.
      long waitEnded = served.isPresent() ? Math.min(due, served.getAsLong()) : due;
      latency.add(match.arrivalMillis() - e.atMillis());
      beyond.add(match.arrivalMillis() - waitEnded);
      own.add(match.arrivalMillis() - match.toObservedAtMillis());
      if (served.isPresent()) {
        late.add(served.getAsLong() - due);
      }
    }
    int unexplained = 0;
    int neverEdited = 0;
    List<Alert> unexplainedAlerts = new ArrayList<>();
    for (Alert a : alerts) {
      if (!used.contains(a)) {
        unexplained++;
        unexplainedAlerts.add(a);
        if (!edited.contains(a.article())) {
          neverEdited++;
        }
      }
    }
    return new Result(real, boilerplate, detected, missed.size(), unexplained, neverEdited,
        sorted(latency), sorted(beyond), sorted(own), sorted(late), missed, unexplainedAlerts, matched);
  }

  /** Whether alert {@code a} shows the text change {@code e} made. */
  static boolean shows(Alert a, LedgerEntry e) {
    return switch (e.kind()) {
      case "HEADLINE" -> normal(a.title()).equals(normal(e.expected()));
      case "DELETE" -> covers(a.oldText(), e.expected(), null);
      default -> covers(a.newText(), e.expected(), e.previous());
    };
  }

  /** Whether the hunks show the words of {@code expected} that {@code previous} did not have. */
  private static boolean covers(String hunkText, String expected, String previous) {
    Set<String> want = words(expected);
    want.removeAll(words(previous));
    if (want.isEmpty()) {
      return true;
    }
    Set<String> have = words(hunkText);
    long found = want.stream().filter(have::contains).count();
    return found >= TEXT_MATCH * want.size();
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    if (s == null) {
      return out;
    }
    for (String w : normal(s).split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static String normal(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** The values as a sorted array, for {@link #percentile}. */
  static long[] sorted(List<Long> values) {
    long[] out = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** The nearest-rank percentile of sorted values, or -1 when there are none. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
