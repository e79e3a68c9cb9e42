package io.newsdelta.ingest.state;

import java.util.Objects;

/**
 * Which new states of an article are worth a write to {@link io.newsdelta.events.Topics#INGEST_STATE} at once.
 * An unchanged check moves only the fetch count, the last fetch time and the next due time — and, on a page
 * re-rendered at every request (a request id, a "most read" box), its validators, while its text stays the same;
 * at thousands of checks a second writing that each time would be most of what ingest sends to Kafka. Such a
 * state is kept in memory and written later — when the article's next write is due anyway, when its feed is handed
 * over and when the service stops — so restarts and hand-overs read it exactly. A crash loses only that progress:
 * the next owner checks those articles again on the schedule of the state it reads (one more conditional GET each,
 * answered 304, or 200 where only the old validators were written: its text is compared and nothing published),
 * and no version is lost, since a page whose text changed is always written at once. Pure.
 */
public final class StateWrites {
  private StateWrites() {}

  /**
   * Whether {@code after} must be written now rather than kept: true unless it differs from {@code before} only
   * in {@code fetches}, {@code lastFetchAt}, {@code nextCheckAt} and the validators ({@code etag}, {@code
   * lastModified}), and has checks left (the last check of an article is always written, so a finished schedule is
   * never checked again).
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
        && Objects.equals(before.textSha256(), after.textSha256())
        && Objects.equals(before.pageUrl(), after.pageUrl())
        && Objects.equals(before.absence(), after.absence()));
  }
}
