package io.newsdelta.stories.view;

import io.newsdelta.events.StoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stories as {@code newsdelta.stories} tells them, in memory and bounded: at most {@code maxStories} stories
 * (the least recently touched go first) and {@code maxVersions} versions per member. Events applied twice change
 * nothing (a member announced twice is one member). Not thread-safe: {@link StoryView} guards it.
 */
public final class StoryBook {
  private final int maxStories;
  private final int maxVersions;
  private final LinkedHashMap<String, Story> stories;
  private final Map<String, String> storyOfArticle = new HashMap<>();
  private final Map<String, String> mergedInto = new HashMap<>();

  public StoryBook(int maxStories, int maxVersions) {
    if (maxStories < 1 || maxVersions < 1) {
      throw new IllegalArgumentException("a story book holds at least one story and one version");
    }
    this.maxStories = maxStories;
    this.maxVersions = maxVersions;
    this.stories = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** Applies one event. */
  public void apply(StoryEvent e) {
    if (e == null || e.storyId() == null || e.kind() == null) {
      return;
    }
    String id = resolve(e.storyId());
    switch (e.kind()) {
      case StoryEvent.MEMBER_ADDED, StoryEvent.MEMBER_CHANGED -> {
        Story story = stories.computeIfAbsent(id, Story::new);
        String previous = storyOfArticle.get(e.articleId());
        if (previous != null && !resolve(previous).equals(id)) {
          Story old = stories.get(resolve(previous));
          if (old != null && old.members.containsKey(e.articleId())) {
            story.members.put(e.articleId(), old.members.remove(e.articleId()));
          }
        }
        storyOfArticle.put(e.articleId(), id);
        MemberState m = story.members.computeIfAbsent(e.articleId(), a -> new MemberState(e));
        m.add(e, maxVersions);
        if (story.startedAt == null || (m.firstSeen != null && m.firstSeen.isBefore(story.startedAt))) {
          story.startedAt = m.firstSeen;
        }
      }
      case StoryEvent.STORIES_MERGED -> {
        String loser = resolve(e.mergedStoryId());
        if (loser.equals(id)) {
          return;
        }
        mergedInto.put(loser, id);
        Story winner = stories.computeIfAbsent(id, Story::new);
        Story old = stories.remove(loser);
        winner.merged.add(loser);
        if (old != null) {
          old.members.forEach((article, member) -> {
            winner.members.putIfAbsent(article, member);
            storyOfArticle.put(article, id);
          });
          winner.merged.addAll(old.merged);
          if (old.startedAt != null && (winner.startedAt == null || old.startedAt.isBefore(winner.startedAt))) {
            winner.startedAt = old.startedAt;
          }
        }
      }
      default -> {
        return;
      }
    }
    evict();
  }

  /** The story with this id (or the story it was merged into). */
  public Optional<StoryPage> story(String storyId) {
    Story s = stories.get(resolve(storyId));
    return s == null ? Optional.empty() : Optional.of(s.page());
  }

  /** The id of the story an article belongs to, if it is in one. */
  public Optional<String> storyOf(String articleId) {
    String id = storyOfArticle.get(articleId);
    return id == null ? Optional.empty() : Optional.of(resolve(id)).filter(stories::containsKey);
  }

  /** How many stories are held. */
  public int size() {
    return stories.size();
  }

  private String resolve(String storyId) {
    String id = storyId;
    for (int i = 0; i < 32 && mergedInto.containsKey(id); i++) {
      id = mergedInto.get(id);
    }
    return id;
  }

  private void evict() {
    var it = stories.entrySet().iterator();
    while (stories.size() > maxStories && it.hasNext()) {
      Story s = it.next().getValue();
      it.remove();
      s.members.keySet().forEach(storyOfArticle::remove);
      s.merged.forEach(mergedInto::remove);
    }
  }

  private static final class Story {
    final String id;
    final LinkedHashMap<String, MemberState> members = new LinkedHashMap<>();
    final List<String> merged = new ArrayList<>();
    Instant startedAt;

    Story(String id) {
      this.id = id;
    }

    StoryPage page() {
      List<StoryPage.Member> list = new ArrayList<>();
      members.values().forEach(m -> list.add(m.view()));
      list.sort(Comparator.comparing(StoryPage.Member::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
      return new StoryPage(id, startedAt, list, merged);
    }
  }

  private static final class MemberState {
    final String articleId;
    final Instant firstSeen;
    final Double similarity;
    final List<StoryPage.Version> versions = new ArrayList<>();
    String url;
    String host;
    String title;

    MemberState(StoryEvent e) {
      this.articleId = e.articleId();
      this.firstSeen = e.firstSeen() != null ? e.firstSeen() : e.observedAt();
      this.similarity = e.similarity();
    }

    void add(StoryEvent e, int maxVersions) {
      if (versions.stream().anyMatch(v -> v.version() == e.version())) {
        return;
      }
      versions.add(new StoryPage.Version(e.version(), e.observedAt(), e.title()));
      versions.sort(Comparator.comparingInt(StoryPage.Version::version));
      if (versions.size() > maxVersions) {
        versions.remove(0);
      }
      StoryPage.Version latest = versions.get(versions.size() - 1);
      if (latest.version() == e.version()) {
        url = e.url();
        host = e.host();
        title = e.title();
      }
    }

    StoryPage.Member view() {
      return new StoryPage.Member(articleId, url, host, title, firstSeen, versions, similarity);
    }
  }
}
