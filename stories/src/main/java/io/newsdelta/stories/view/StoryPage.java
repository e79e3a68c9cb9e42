package io.newsdelta.stories.view;

import java.time.Instant;
import java.util.List;

/**
 * One story as a page shows it: its members side by side, earliest first.
 *
 * @param storyId the story id (the article id of its first member)
 * @param startedAt when its first member was first seen
 * @param members the members, by first-seen time
 * @param mergedStoryIds stories that were merged into this one
 */
public record StoryPage(String storyId, Instant startedAt, List<Member> members, List<String> mergedStoryIds) {
  public StoryPage {
    members = List.copyOf(members);
    mergedStoryIds = List.copyOf(mergedStoryIds);
  }

  /**
   * One outlet's article in the story.
   *
   * @param articleId the article id (link to {@code /article?id=})
   * @param url its URL
   * @param host its outlet
   * @param title its latest headline
   * @param firstSeen when it was first seen
   * @param versions its versions known to the story, oldest first (a version's diff from the one before is at
   *     {@code /diff?id=ARTICLE&from=N-1&to=N})
   * @param similarity its similarity with the member it was matched to when it joined, or null for the first
   */
  public record Member(
      String articleId, String url, String host, String title, Instant firstSeen, List<Version> versions,
      Double similarity) {
    public Member {
      versions = List.copyOf(versions);
    }

    /** The latest version number. */
    public int latestVersion() {
      return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }
  }

  /**
   * A version of a member: what the outlet changed, and when.
   *
   * @param version the version number
   * @param observedAt when it was observed
   * @param title its headline
   */
  public record Version(int version, Instant observedAt, String title) {}
}
