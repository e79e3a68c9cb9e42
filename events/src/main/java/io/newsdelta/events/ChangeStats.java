package io.newsdelta.events;

/**
 * How big a change is, in words and in sentences (sentence-level edit typing as in NewsEdits, 2022).
 *
 * @param wordsAdded words in the new text that are not in the old (a moved paragraph's words are not counted)
 * @param wordsRemoved words in the old text that are not in the new
 * @param sentencesAdded sentences only in the new body (added field)
 * @param sentencesDeleted sentences only in the old body (added field)
 * @param sentencesEdited old sentences rewritten into a similar new one (added field)
 * @param sentencesMoved sentences kept word for word but moved out of their old order (added field)
 */
public record ChangeStats(
    int wordsAdded,
    int wordsRemoved,
    int sentencesAdded,
    int sentencesDeleted,
    int sentencesEdited,
    int sentencesMoved) {

  /** Word counts only, as before the sentence counts existed. */
  public ChangeStats(int wordsAdded, int wordsRemoved) {
    this(wordsAdded, wordsRemoved, 0, 0, 0, 0);
  }
}
