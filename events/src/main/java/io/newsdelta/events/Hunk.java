package io.newsdelta.events;

/**
 * One word-level edit between two versions.
 *
 * @param op insert, delete or replace
 * @param oldText the words removed ("" for an insert)
 * @param newText the words added ("" for a delete)
 */
public record Hunk(Op op, String oldText, String newText) {

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
