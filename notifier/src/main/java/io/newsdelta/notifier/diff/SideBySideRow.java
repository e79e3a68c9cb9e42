package io.newsdelta.notifier.diff;

import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.Segment;
import java.util.List;

/**
 * One row of the side-by-side view: the same paragraph in the older and the newer version.
 *
 * @param kind what happened to the paragraph
 * @param left its words in the older version (empty for an added paragraph)
 * @param right its words in the newer version (empty for a removed paragraph)
 */
public record SideBySideRow(ParagraphDiff.Kind kind, List<Segment> left, List<Segment> right) {
  public SideBySideRow {
    left = List.copyOf(left);
    right = List.copyOf(right);
  }

  /** The CSS class of the row. */
  public String css() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
