package io.newsdelta.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsdelta.events.ChangeStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two bodies compared: the paragraphs aligned, each edited one word by word (readable segments), and how many
 * words were added and removed.
 *
 * @param paragraphs the comparison in reading order; deleted paragraphs stand where they were
 * @param stats words added and removed, counted on the exact word diff (before readability merging)
 */
public record BodyDiff(List<ParagraphDiff> paragraphs, ChangeStats stats) {

  public BodyDiff {
    paragraphs = List.copyOf(paragraphs);
  }

  /**
   * Compares two bodies. Paragraphs that differ only in spacing are the same; a paragraph removed in one
   * place and added in another with the same words was moved (it is marked {@code moved} at both places and
   * its words are not counted as added or removed); within one run of changed paragraphs, the other removed
   * and added paragraphs are paired in order as edits, and what is left over was removed or added whole.
   */
  public static BodyDiff between(List<String> oldParagraphs, List<String> newParagraphs) {
    List<String> oldKeys = oldParagraphs.stream().map(BodyDiff::normal).toList();
    List<String> newKeys = newParagraphs.stream().map(BodyDiff::normal).toList();
    List<ParagraphDiff> out = new ArrayList<>();
    int added = 0;
    int removed = 0;
    int oldPos = 0;
    List<AbstractDelta<String>> deltas = DiffUtils.diff(oldKeys, newKeys).getDeltas();
    Map<String, Integer> movedAway = moved(deltas);
    Map<String, Integer> movedHere = new HashMap<>(movedAway);
    for (AbstractDelta<String> delta : deltas) {
      int start = delta.getSource().getPosition();
      unchanged(out, oldKeys.subList(oldPos, start));
      List<String> gone = new ArrayList<>();
      List<String> came = new ArrayList<>();
      for (String p : delta.getSource().getLines()) {
        if (take(movedAway, p)) {
          out.add(new ParagraphDiff(ParagraphDiff.Kind.DELETED, List.of(new Segment(Segment.Kind.DELETED, p)), true));
        } else {
          gone.add(p);
        }
      }
      for (String p : delta.getTarget().getLines()) {
        if (take(movedHere, p)) {
          out.add(new ParagraphDiff(ParagraphDiff.Kind.INSERTED, List.of(new Segment(Segment.Kind.INSERTED, p)), true));
        } else {
          came.add(p);
        }
      }
      int paired = Math.min(gone.size(), came.size());
      for (int i = 0; i < paired; i++) {
        for (Segment s : WordDiff.between(gone.get(i), came.get(i))) {
          added += s.kind() == Segment.Kind.INSERTED ? WordDiff.words(s.text()).size() : 0;
          removed += s.kind() == Segment.Kind.DELETED ? WordDiff.words(s.text()).size() : 0;
        }
        out.add(new ParagraphDiff(ParagraphDiff.Kind.CHANGED, WordDiff.readable(gone.get(i), came.get(i))));
      }
      for (String p : gone.subList(paired, gone.size())) {
        removed += WordDiff.words(p).size();
        out.add(new ParagraphDiff(ParagraphDiff.Kind.DELETED, List.of(new Segment(Segment.Kind.DELETED, p))));
      }
      for (String p : came.subList(paired, came.size())) {
        added += WordDiff.words(p).size();
        out.add(new ParagraphDiff(ParagraphDiff.Kind.INSERTED, List.of(new Segment(Segment.Kind.INSERTED, p))));
      }
      oldPos = start + delta.getSource().size();
    }
    unchanged(out, oldKeys.subList(oldPos, oldKeys.size()));
    return new BodyDiff(out, new ChangeStats(added, removed));
  }

  /** The paragraphs (by normalised text) removed in one place and added in another, with how many times. */
  private static Map<String, Integer> moved(List<AbstractDelta<String>> deltas) {
    Map<String, Integer> gone = new HashMap<>();
    for (AbstractDelta<String> d : deltas) {
      d.getSource().getLines().forEach(p -> gone.merge(p, 1, Integer::sum));
    }
    Map<String, Integer> moved = new HashMap<>();
    for (AbstractDelta<String> d : deltas) {
      for (String p : d.getTarget().getLines()) {
        if (!p.isEmpty() && gone.getOrDefault(p, 0) > moved.getOrDefault(p, 0)) {
          moved.merge(p, 1, Integer::sum);
        }
      }
    }
    return moved;
  }

  private static boolean take(Map<String, Integer> counts, String p) {
    Integer n = counts.get(p);
    if (n == null || n == 0) {
      return false;
    }
    counts.put(p, n - 1);
    return true;
  }

  /** The paragraphs that are not {@link ParagraphDiff.Kind#UNCHANGED}. */
  public long changedParagraphs() {
    return paragraphs.stream().filter(p -> p.kind() != ParagraphDiff.Kind.UNCHANGED).count();
  }

  private static void unchanged(List<ParagraphDiff> out, List<String> paragraphs) {
    for (String p : paragraphs) {
      out.add(new ParagraphDiff(ParagraphDiff.Kind.UNCHANGED, List.of(new Segment(Segment.Kind.EQUAL, p))));
    }
  }

  private static String normal(String paragraph) {
    return String.join(" ", WordDiff.words(paragraph));
  }
}
