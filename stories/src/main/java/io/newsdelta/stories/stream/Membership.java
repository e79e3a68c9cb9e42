package io.newsdelta.stories.stream;

import io.newsdelta.events.StoryEvent;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Which story every grouped article belongs to, built from {@code newsdelta.stories} itself into a global store
 * so that any partition can look up an article that lives on another. It lags the job's own output by the time
 * an event takes to come back, which is why story ids are chosen so that two stages deciding alone agree: a new
 * story is named after its earliest member.
 */
final class Membership {
  /** The global store's name. */
  static final String STORE = "story-membership";

  private static final int MAX_REDIRECTS = 32;

  private final ReadOnlyKeyValueStore<String, StoryRef> store;

  Membership(ReadOnlyKeyValueStore<String, StoryRef> store) {
    this.store = store;
  }

  /** The story an article is in now (merges followed), or null when it is in none. */
  String storyOf(String articleId) {
    StoryRef a = store.get("a:" + articleId);
    return a == null ? null : resolve(a.storyId());
  }

  /** The story a story id stands for now: itself, or the story it was merged into. */
  String resolve(String storyId) {
    String id = storyId;
    for (int i = 0; i < MAX_REDIRECTS; i++) {
      StoryRef s = store.get("s:" + id);
      if (s == null || s.mergedInto() == null) {
        return id;
      }
      id = s.mergedInto();
    }
    return id;
  }

  /** Members of a story, 0 when unknown. */
  int members(String storyId) {
    StoryRef s = store.get("s:" + storyId);
    return s == null ? 0 : s.members();
  }

  /** When a story started, or null when unknown. */
  Instant startedAt(String storyId) {
    StoryRef s = store.get("s:" + storyId);
    return s == null ? null : s.startedAt();
  }

  /** Applies one event to the store (the global store's update, and its restore). */
  static void apply(KeyValueStore<String, StoryRef> store, StoryEvent e) {
    Membership m = new Membership(store);
    switch (e.kind()) {
      case StoryEvent.MEMBER_ADDED -> {
        String story = m.resolve(e.storyId());
        String before = m.storyOf(e.articleId());
        if (story.equals(before)) {
          return; // announced twice (two partitions formed the same story): counted once
        }
        store.put("a:" + e.articleId(), new StoryRef(story, null, 0, null));
        StoryRef s = store.get("s:" + story);
        Instant start = e.firstSeen();
        if (s != null && s.startedAt() != null && (start == null || s.startedAt().isBefore(start))) {
          start = s.startedAt();
        }
        store.put("s:" + story, new StoryRef(story, start, (s == null ? 0 : s.members()) + 1, null));
      }
      case StoryEvent.STORIES_MERGED -> {
        String winner = m.resolve(e.storyId());
        String loser = m.resolve(e.mergedStoryId());
        if (winner.equals(loser)) {
          return;
        }
        StoryRef w = store.get("s:" + winner);
        StoryRef l = store.get("s:" + loser);
        int members = (w == null ? 0 : w.members()) + (l == null ? 0 : l.members());
        store.put("s:" + winner, new StoryRef(winner, w == null ? null : w.startedAt(), members, null));
        store.put("s:" + loser, new StoryRef(loser, l == null ? null : l.startedAt(), 0, winner));
      }
      default -> { }
    }
  }
}
