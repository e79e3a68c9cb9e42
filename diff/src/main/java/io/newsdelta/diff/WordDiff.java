package io.newsdelta.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares two texts word by word (words are separated by white space; spacing is not compared). */
public final class WordDiff {
  /** Edits separated by fewer unchanged words than this are shown as one edit. */
  static final int MERGE_GAP = 4;
  /** Below this share of unchanged words, a text is shown as replaced whole. */
  static final double REWRITE_SIMILARITY = 0.3;

  private WordDiff() {}

  /**
   * The segments that turn {@code oldText} into {@code newText}, in reading order; a replaced run
   * of words is a {@code DELETED} segment followed by an {@code INSERTED} one. Null reads as empty.
   */
  public static List<Segment> between(String oldText, String newText) {
    List<String> oldWords = words(oldText);
    List<String> newWords = words(newText);
    Builder out = new Builder();
    int oldPos = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(oldWords, newWords).getDeltas()) {
      int start = delta.getSource().getPosition();
      out.add(Segment.Kind.EQUAL, oldWords.subList(oldPos, start));
      out.add(Segment.Kind.DELETED, delta.getSource().getLines());
      out.add(Segment.Kind.INSERTED, delta.getTarget().getLines());
      oldPos = start + delta.getSource().size();
    }
    out.add(Segment.Kind.EQUAL, oldWords.subList(oldPos, oldWords.size()));
    return out.segments;
  }

  /**
   * The segments of {@link #between} made readable: edits separated by fewer than {@value #MERGE_GAP}
   * unchanged words become one deleted and one inserted run (Myers' algorithm matches stray "the" and "and"
   * inside a rewritten sentence), and a text that shares less than {@value #REWRITE_SIMILARITY} of its words
   * with the other is one deleted and one inserted run.
   */
  public static List<Segment> readable(String oldText, String newText) {
    List<Segment> raw = between(oldText, newText);
    int longest = Math.max(words(oldText).size(), words(newText).size());
    int unchanged = raw.stream().filter(s -> s.kind() == Segment.Kind.EQUAL).mapToInt(s -> words(s.text()).size()).sum();
    if (unchanged == longest) {
      return raw;
    }
    if (unchanged < REWRITE_SIMILARITY * longest) {
      Builder out = new Builder();
      out.add(Segment.Kind.DELETED, words(oldText));
      out.add(Segment.Kind.INSERTED, words(newText));
      return out.segments;
    }
    return mergeCloseEdits(raw);
  }

  private static List<Segment> mergeCloseEdits(List<Segment> raw) {
    Builder out = new Builder();
    List<String> deleted = new ArrayList<>();
    List<String> inserted = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Segment s = raw.get(i);
      List<String> words = words(s.text());
      switch (s.kind()) {
        case DELETED -> deleted.addAll(words);
        case INSERTED -> inserted.addAll(words);
        case EQUAL -> {
          boolean between = !(deleted.isEmpty() && inserted.isEmpty()) && i + 1 < raw.size();
          if (between && words.size() < MERGE_GAP) {
            deleted.addAll(words);
            inserted.addAll(words);
          } else {
            flush(out, deleted, inserted);
            out.add(Segment.Kind.EQUAL, words);
          }
        }
      }
    }
    flush(out, deleted, inserted);
    return out.segments;
  }

  private static void flush(Builder out, List<String> deleted, List<String> inserted) {
    out.add(Segment.Kind.DELETED, deleted);
    out.add(Segment.Kind.INSERTED, inserted);
    deleted.clear();
    inserted.clear();
  }

  /** The words of a text, split on white space; null and blank give none. */
  public static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.asList(text.strip().split("\\s+"));
  }

  /** Appends runs, merging a run into the previous segment of the same kind. */
  private static final class Builder {
    private final List<Segment> segments = new ArrayList<>();

    void add(Segment.Kind kind, List<String> words) {
      if (words.isEmpty()) {
        return;
      }
      String text = String.join(" ", words);
      int last = segments.size() - 1;
      if (last >= 0 && segments.get(last).kind() == kind) {
        text = segments.remove(last).text() + " " + text;
      }
      segments.add(new Segment(kind, text));
    }
  }
}
