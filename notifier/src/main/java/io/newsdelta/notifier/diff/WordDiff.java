package io.newsdelta.notifier.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares two texts word by word (words are separated by white space; spacing is not compared). */
public final class WordDiff {

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

  static List<String> words(String text) {
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
