package io.newsdelta.ingest.watch;

import io.newsdelta.events.RawVersion;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a check of an article means, as a pure function of its state before: the state after, whether the
 * fetched version is published (only when the fingerprint of its text differs from the last one published,
 * or nothing was published yet), and whether a failure is reported (only when it is not the failure the
 * previous check already reported).
 */
public final class ArticleChecks {
  /**
   * The consequences of one check.
   *
   * @param state the article's state after the check, to save
   * @param publish whether the fetched version is to be published (before the state is saved)
   * @param reportError whether the failure is to be reported
   * @param recovered whether a fetch succeeded after the previous one failed
   */
  public record Outcome(ArticleState state, boolean publish, boolean reportError, boolean recovered) {}

  private ArticleChecks() {}

  /**
   * After a 2xx that gave {@code version}, whose text has fingerprint {@code textSha256}, with the response's
   * validators (null when absent).
   */
  public static Outcome afterFetch(ArticleState before, RecheckSchedule schedule, RawVersion version,
      String textSha256, String etag, String lastModified) {
    Instant at = version.fetchedAt();
    boolean sameBytes = Objects.equals(version.bodySha256(), before.lastPublishedSha256());
    boolean changed = before.lastPublishedSha256() == null
        || (!sameBytes && !Objects.equals(textSha256, before.textSha256()));
    ArticleState after = before.fetched(at, schedule.after(before, at, changed).orElse(null), null)
        .taken(etag, lastModified, changed || before.textSha256() == null ? textSha256 : before.textSha256());
    if (changed) {
      after = after.published(version.bodySha256(), at);
    }
    return new Outcome(after, changed, false, before.lastErrorKind() != null);
  }

  /** After a 304: the page is unchanged; its validators stay. */
  public static Outcome afterNotModified(ArticleState before, RecheckSchedule schedule, Instant at) {
    return new Outcome(before.fetched(at, next(before, schedule, at), null), false, false,
        before.lastErrorKind() != null);
  }

  /** After a check at {@code at} that failed with {@code kind}. */
  public static Outcome afterFailure(ArticleState before, RecheckSchedule schedule, ErrorKind kind, Instant at) {
    boolean repeated = kind.kind().equals(before.lastErrorKind());
    return new Outcome(before.fetched(at, next(before, schedule, at), kind.kind()), false, !repeated, false);
  }

  /**
   * After a 429 or 503 whose Retry-After asks to come back at {@code retryAt}: the check is not counted and
   * runs again then (the schedule is not consumed by the site's own overload).
   */
  public static Outcome afterRetryLater(ArticleState before, Instant retryAt) {
    return new Outcome(before.deferred(retryAt), false, false, false);
  }

  private static Instant next(ArticleState before, RecheckSchedule schedule, Instant at) {
    // The feed's schedule (gaps or geometric) decides; a check that reaches here found nothing changed.
    return schedule.after(before, at, false).orElse(null);
  }
}
