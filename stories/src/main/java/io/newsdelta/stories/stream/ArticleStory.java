package io.newsdelta.stories.stream;

import java.time.Instant;

/**
 * The members stage's state of one article.
 *
 * @param articleId the article id
 * @param storyId the story it belongs to as this stage last decided, or null
 * @param firstSeen the first observation this stage saw
 * @param version the latest version number seen (a change is announced only for a later one)
 */
record ArticleStory(String articleId, String storyId, Instant firstSeen, int version) {
  ArticleStory withStory(String story) {
    return new ArticleStory(articleId, story, firstSeen, version);
  }

  ArticleStory withVersion(int v) {
    return new ArticleStory(articleId, storyId, firstSeen, Math.max(version, v));
  }
}
