package io.newsdelta.stories.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The members stage's state of one article.
 *
 * @param articleId the article id
 * @param storyId the story it belongs to as this stage last decided, or null
 * @param firstSeen the first observation this stage saw
 * @param version the latest version number seen (a change is announced only for a later one)
 * @param matched the candidates already decided for it: one match arrives from every band the pair shares,
 *     sooner than the membership store learns of the first decision
 */
record ArticleStory(String articleId, String storyId, Instant firstSeen, int version, List<String> matched) {
  /** At most this many decided candidates are remembered (more than any story's bands can bring at once). */
  static final int MAX_MATCHED = 256;

  ArticleStory {
    matched = matched == null ? List.of() : List.copyOf(matched);
  }

  ArticleStory withStory(String story) {
    return new ArticleStory(articleId, story, firstSeen, version, matched);
  }

  ArticleStory withVersion(int v) {
    return new ArticleStory(articleId, storyId, firstSeen, Math.max(version, v), matched);
  }

  ArticleStory withMatched(String candidate) {
    List<String> m = new ArrayList<>(matched);
    m.add(candidate);
    return new ArticleStory(articleId, storyId, firstSeen, version,
        m.size() > MAX_MATCHED ? m.subList(m.size() - MAX_MATCHED, m.size()) : m);
  }
}
