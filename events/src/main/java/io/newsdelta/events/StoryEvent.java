package io.newsdelta.events;

import java.time.Instant;

/**
 * Something that happened to a story (one event told by several outlets), on {@link Topics#STORIES}, keyed by
 * the story id.
 *
 * @param storyId the story's stable id: the article id of its first member (the earliest seen); when two stories
 *     merge, the older id is kept and the other is announced in {@code mergedStoryId}
 * @param kind {@code member-added} (an article joined the story; the first two members are announced together
 *     when the story forms), {@code member-changed} (a member has a new version), or {@code stories-merged}
 *     (the story {@code mergedStoryId} is now part of this one; its members belong here from now on)
 * @param articleId the member the event is about (for {@code stories-merged}: the article that joined the two)
 * @param url the URL of the member's version
 * @param host the member's outlet (host without sub-domain, e.g. {@code bbc.co.uk})
 * @param title the member's headline at {@code version}
 * @param version the member's version number ({@code ArticleVersion.version})
 * @param observedAt when that version was observed ({@code ArticleVersion.observedAt})
 * @param firstSeen when this pipeline first saw the member (the observation of the first version it grouped)
 * @param similarity the estimated Jaccard similarity of the member's 5-word shingles with {@code matchedArticleId}
 *     (MinHash over 128 components), or null for {@code member-changed}
 * @param matchedArticleId the member it was found similar to, or null (the story's first member, a change)
 * @param members the number of members the story had once this event is applied, as far as the writer knew
 *     (events still in flight on other partitions may be missing from it)
 * @param mergedStoryId for {@code stories-merged}: the story merged into this one; otherwise null
 */
public record StoryEvent(
    String storyId,
    String kind,
    String articleId,
    String url,
    String host,
    String title,
    int version,
    Instant observedAt,
    Instant firstSeen,
    Double similarity,
    String matchedArticleId,
    int members,
    String mergedStoryId) {

  public static final String MEMBER_ADDED = "member-added";
  public static final String MEMBER_CHANGED = "member-changed";
  public static final String STORIES_MERGED = "stories-merged";

  /** The event id used in CloudEvents {@code ce_id}: story, kind, article and version. */
  public String eventId() {
    return storyId + "#" + kind + "#" + articleId + "#" + version
        + (mergedStoryId == null ? "" : "#" + mergedStoryId);
  }
}
