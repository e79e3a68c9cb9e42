package io.newsdelta.ingest.state;

import java.util.Objects;

/**
 * Which new states of an article are worth a write to {@link io.newsdelta.events.Topics#INGEST_STATE} at once.
 * An unchanged check (a 304) moves only the fetch count, the last fetch time and the next due time; at thousands
 * of checks a second writing that each time would be most of what ingest sends to Kafka. Such a state is kept in
 * memory and written later — when the article's next write is due anyway, when its feed is handed over and when
 * the service stops — so restarts and hand-overs read it exactly. A crash loses only that progress: the next
 * owner checks those articles again on the schedule of the state it reads (one more conditional GET each,
 * answered 304), and no version is lost, since a page taken in is always written at once. Pure.
 */
public final class StateWrites {
  private StateWrites() {}

  /**
   * Whether {@code after} must be written now rather than kept: true unless it differs from {@code before} only
   * in {@code fetches}, {@code lastFetchAt} and {@code nextCheckAt}, and has checks left (the last check of an
   * article is always written, so a finished schedule is never checked again).
   */
  public static boolean mustWrite(ArticleState before, ArticleState after) {
    if (after.nextCheckAt() == null) {
      return true;
    }
    return !(Objects.equals(before.articleId(), after.articleId())
        && Objects.equals(before.url(), after.url())
        && Objects.equals(before.feedUrl(), after.feedUrl())
        && Objects.equals(before.firstSeen(), after.firstSeen())
        && Objects.equals(before.lastPublishedSha256(), after.lastPublishedSha256())
        && Objects.equals(before.lastPublishedAt(), after.lastPublishedAt())
        && Objects.equals(before.lastErrorKind(), after.lastErrorKind())
        && Objects.equals(before.etag(), after.etag())
        && Objects.equals(before.lastModified(), after.lastModified())
        && Objects.equals(before.textSha256(), after.textSha256())
        && Objects.equals(before.pageUrl(), after.pageUrl())
        && Objects.equals(before.absence(), after.absence()));
  }
}
