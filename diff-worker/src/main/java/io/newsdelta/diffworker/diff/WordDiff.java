package io.newsdelta.diffworker.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes word-level hunks between two bodies (lists of paragraphs), with java-diff-utils underneath.
 *
 * <p>Two levels, because that is how editors work: first the paragraphs are aligned (unchanged paragraphs
 * match exactly), then each changed paragraph is diffed word by word against the paragraph it replaced.
 * Diffing all words at once would match a word of one paragraph with the same word in another and scatter a
 * rewritten sentence over several hunks. Within a paragraph, edits separated by fewer than {@link #MERGE_GAP}
 * unchanged words are merged, and a paragraph that shares almost nothing with its predecessor is one hunk, so
 * a rewritten sentence reads as one old and one new sentence.
 */
public final class WordDiff {
  /** Edits closer than this many unchanged words are merged into one hunk. */
  static final int MERGE_GAP = 4;
  /** Below this share of unchanged words a paragraph pair is shown as one replacement. */
  static final double REWRITE_SIMILARITY = 0.3;

  private WordDiff() {}

  /**
   * The result of a diff.
   *
   * @param hunks the edits in reading order
   * @param stats words added and removed
   */
  public record Result(List<Hunk> hunks, ChangeStats stats) {
    public boolean isEmpty() {
      return hunks.isEmpty();
    }
  }

  /** Diffs two bodies word by word. */
  public static Result diff(List<String> oldParagraphs, List<String> newParagraphs) {
    Collector out = new Collector();
    for (AbstractDelta<String> delta : DiffUtils.diff(oldParagraphs, newParagraphs).getDeltas()) {
      List<String> removed = delta.getSource().getLines();
      List<String> added = delta.getTarget().getLines();
      int paired = Math.min(removed.size(), added.size());
      for (int k = 0; k < paired; k++) {
        diffParagraph(words(removed.get(k)), words(added.get(k)), out);
      }
      if (removed.size() > paired) {
        out.add(words(removed.subList(paired, removed.size())), List.of());
      }
      if (added.size() > paired) {
        out.add(List.of(), words(added.subList(paired, added.size())));
      }
    }
    return new Result(List.copyOf(out.hunks), new ChangeStats(out.added, out.removed));
  }

  private static void diffParagraph(List<String> oldWords, List<String> newWords, Collector out) {
    List<AbstractDelta<String>> deltas = DiffUtils.diff(oldWords, newWords).getDeltas();
    int changedOld = deltas.stream().mapToInt(d -> d.getSource().size()).sum();
    double unchangedShare = (oldWords.size() - changedOld) / (double) Math.max(oldWords.size(), newWords.size());
    if (unchangedShare < REWRITE_SIMILARITY) {
      out.add(oldWords, newWords);
      return;
    }
    int i = 0;
    while (i < deltas.size()) {
      AbstractDelta<String> first = deltas.get(i);
      int oldStart = first.getSource().getPosition();
      int newStart = first.getTarget().getPosition();
      int oldEnd = oldStart + first.getSource().size();
      int newEnd = newStart + first.getTarget().size();
      int j = i + 1;
      while (j < deltas.size() && deltas.get(j).getSource().getPosition() - oldEnd < MERGE_GAP) {
        AbstractDelta<String> next = deltas.get(j);
        oldEnd = next.getSource().getPosition() + next.getSource().size();
        newEnd = next.getTarget().getPosition() + next.getTarget().size();
        j++;
      }
      out.add(oldWords.subList(oldStart, oldEnd), newWords.subList(newStart, newEnd));
      i = j;
    }
  }

  private static List<String> words(String paragraph) {
    List<String> words = new ArrayList<>();
    for (String w : paragraph.split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** Whole paragraphs, separated by a newline in the hunk text. */
  private static List<String> words(List<String> paragraphs) {
    List<String> words = new ArrayList<>();
    for (String p : paragraphs) {
      if (!words.isEmpty()) {
        words.add("\n");
      }
      words.addAll(words(p));
    }
    return words;
  }

  /** Accumulates hunks and word counts. */
  private static final class Collector {
    final List<Hunk> hunks = new ArrayList<>();
    int added;
    int removed;

    void add(List<String> oldWords, List<String> newWords) {
      String oldText = join(oldWords);
      String newText = join(newWords);
      removed += count(oldWords);
      added += count(newWords);
      if (oldText.isEmpty() && newText.isEmpty()) {
        return;
      }
      Hunk.Op op = oldText.isEmpty() ? Hunk.Op.INSERT : newText.isEmpty() ? Hunk.Op.DELETE : Hunk.Op.REPLACE;
      hunks.add(new Hunk(op, oldText, newText));
    }

    private static int count(List<String> words) {
      return (int) words.stream().filter(w -> !w.equals("\n")).count();
    }

    private static String join(List<String> words) {
      return String.join(" ", words).replace(" \n ", "\n").strip();
    }
  }
}
