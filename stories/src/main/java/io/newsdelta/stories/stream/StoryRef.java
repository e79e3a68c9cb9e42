package io.newsdelta.stories.stream;

import java.time.Instant;

/**
 * A value of the membership store, under two kinds of key: {@code a:ARTICLE} (only {@code storyId} set: the
 * story the article joined) and {@code s:STORY} (the story's start, size and where it was merged to).
 *
 * @param storyId the story id
 * @param startedAt when its first member was first seen
 * @param members how many members it has
 * @param mergedInto the story it was merged into, or null
 */
record StoryRef(String storyId, Instant startedAt, int members, String mergedInto) {}
