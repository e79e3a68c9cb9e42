package io.newsdelta.diff;

import java.util.Objects;

/**
 * A run of words that is the same in both versions, only in the old one, or only in the new one.
 *
 * @param kind whether the words were kept, deleted or inserted
 * @param text the words, separated by single spaces
 */
public record Segment(Kind kind, String text) {

  /** What happened to the words of a segment. */
  public enum Kind {
    EQUAL,
    DELETED,
    INSERTED
  }

  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
