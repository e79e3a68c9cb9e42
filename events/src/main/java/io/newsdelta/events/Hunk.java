package io.newsdelta.events;

/**
 * One word-level edit between two versions.
 *
 * @param op insert, delete or replace (the only ops: a moved paragraph is a delete where it was and an insert
 *     where it now is, both flagged {@code moved}, so a consumer that ignores the flag still reads a valid edit)
 * @param oldText the words removed ("" for an insert)
 * @param newText the words added ("" for a delete)
 * @param moved true when this delete or insert is one end of a moved paragraph (added field)
 */
public record Hunk(Op op, String oldText, String newText, boolean moved) {

  /** An edit that is not part of a move. */
  public Hunk(Op op, String oldText, String newText) {
    this(op, oldText, newText, false);
  }

  /** The kind of edit; serialised lower-case. */
  public enum Op {
    @com.fasterxml.jackson.annotation.JsonProperty("insert")
    INSERT,
    @com.fasterxml.jackson.annotation.JsonProperty("delete")
    DELETE,
    @com.fasterxml.jackson.annotation.JsonProperty("replace")
    REPLACE
  }
}
