package io.newsdelta.bench.site;

/** The real edits an editor makes to a story; each changes its text. */
public enum EditKind {
  /** The headline replaced. */
  HEADLINE,
  /** One paragraph rewritten. */
  REWRITE,
  /** A new paragraph inserted. */
  INSERT,
  /** One paragraph deleted. */
  DELETE
}
