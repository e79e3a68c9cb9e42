package io.newsdelta.diff;

import java.util.List;

/**
 * One paragraph of the comparison.
 *
 * @param kind whether the paragraph is unchanged, edited, removed or added
 * @param segments the paragraph's words; a single {@link Segment.Kind#EQUAL}, {@code DELETED} or
 *     {@code INSERTED} segment unless the paragraph was edited
 * @param moved true for a paragraph that was moved, not removed or added: it is {@code DELETED} where it was
 *     and {@code INSERTED} where it now is, with the same text
 */
public record ParagraphDiff(Kind kind, List<Segment> segments, boolean moved) {

  /** What happened to a paragraph between the two versions. */
  public enum Kind {
    UNCHANGED,
    CHANGED,
    DELETED,
    INSERTED
  }

  public ParagraphDiff {
    segments = List.copyOf(segments);
  }

  /** A paragraph that was not moved. */
  public ParagraphDiff(Kind kind, List<Segment> segments) {
    this(kind, segments, false);
  }

  /** The paragraph's text as it reads in the new version (or the old one, for a deleted paragraph). */
  public String plainText() {
    StringBuilder text = new StringBuilder();
    for (Segment s : segments) {
      if (kind == Kind.DELETED || s.kind() != Segment.Kind.DELETED) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(s.text());
      }
    }
    return text.toString();
  }
}
