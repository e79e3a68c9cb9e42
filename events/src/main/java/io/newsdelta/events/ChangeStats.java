package io.newsdelta.events;

/**
 * How big a change is, in words.
 *
 * @param wordsAdded words in the new text that are not in the old
 * @param wordsRemoved words in the old text that are not in the new
 */
public record ChangeStats(int wordsAdded, int wordsRemoved) {}
