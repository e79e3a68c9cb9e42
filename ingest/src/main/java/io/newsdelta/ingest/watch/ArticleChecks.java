package io.newsdelta.ingest.watch;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.RawVersion.Lifecycle;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a check of an article means, as a pure function of its state before: the state after, whether the
 * fetched version is published (only when the fingerprint of its text differs from the last one published,
 * or nothing was published yet), and whether a failure is reported (only when it is not the failure the
 * previous check already reported). Removal-looking answers (a 404, 410, 451, or redirects to another page) and
 * the page answering again are weighed by {@link Removals}: the outcome then names the lifecycle event to publish.
 */
public final class ArticleChecks {
  /**
   * The consequences of one check.
   *
   * @param state the article's state after the check, to save
   * @param publish whether the fetched version is to be published (before the state is saved)
   * @param reportError whether the failure is to be reported
   * @param recovered whether a fetch succeeded after the previous one failed
   * @param lifecycle the article's removal, move or restoration to announce (before the state is saved), or null;
   *     a {@code restored} event carries the page fetched, so it is the version published too
   */
  public record Outcome(ArticleState state, boolean publish, boolean reportError, boolean recovered,
      Lifecycle lifecycle) {
    /** An outcome without a lifecycle event. */
    public Outcome(ArticleState state, boolean publish, boolean reportError, boolean recovered) {
      this(state, publish, reportError, recovered, null);
    }
  }

  private ArticleChecks() {}

  /**
   * After a 2xx that gave {@code version}, whose text has fingerprint {@code textSha256}, with the response's
   * validators (null when absent).
   */
  public static Outcome afterFetch(ArticleState before, RecheckSchedule schedule, RawVersion version,
      String textSha256, String etag, String lastModified) {
    return afterFetch(before, schedule, version, textSha256, etag, lastModified, before.pageUrl());
  }

  /**
   * After a 2xx from the article's own page ({@code pageUrl}, after redirects): as above, and a removal or move
   * announced before is ended by a {@code restored} event, which carries this page (so it is published).
   */
  public static Outcome afterFetch(ArticleState before, RecheckSchedule schedule, RawVersion version,
      String textSha256, String etag, String lastModified, String pageUrl) {
    Instant at = version.fetchedAt();
    boolean sameBytes = Objects.equals(version.bodySha256(), before.lastPublishedSha256());
    boolean changed = before.lastPublishedSha256() == null
        || (!sameBytes && !Objects.equals(textSha256, before.textSha256()));
    ArticleState after = before.fetched(at, schedule.after(before, at, changed).orElse(null), null)
        .taken(etag, lastModified, changed || before.textSha256() == null ? textSha256 : before.textSha256());
    Removals.Verdict back = Removals.answered(before.absence(), version.httpStatus());
    boolean publish = changed || back.announce() != null;
    if (publish) {
      after = after.published(version.bodySha256(), at);
    }
    after = after.located(pageUrl, back.absence());
    return new Outcome(after, publish, false, before.lastErrorKind() != null, back.announce());
  }

  /** After a 304: the page is unchanged; its validators stay. */
  public static Outcome afterNotModified(ArticleState before, RecheckSchedule schedule, Instant at) {
    return afterNotModified(before, schedule, at, before.pageUrl());
  }

  /** After a 304 from the article's own page: as above, and a removal or move announced before is restored. */
  public static Outcome afterNotModified(ArticleState before, RecheckSchedule schedule, Instant at, String pageUrl) {
    Removals.Verdict back = Removals.answered(before.absence(), 304);
    return new Outcome(before.fetched(at, next(before, schedule, at), null).located(pageUrl, back.absence()),
        false, false, before.lastErrorKind() != null, back.announce());
  }

  /**
   * After a removal-looking answer at {@code at}: a 404, 410 or 451 ({@code errorKind} set, reported once as any
   * failure) or redirects to another page ({@code errorKind} null). A pending run is re-checked in time to be
   * confirmed ({@link Removals#confirmBy}), even after the schedule's last gap.
   */
  public static Outcome afterGone(ArticleState before, RecheckSchedule schedule, IngestConfig.Removal rules,
      Removals.Answer answer, String errorKind, Instant at) {
    Removals.Verdict verdict = Removals.gone(before.absence(), answer, at, rules);
    Instant next = next(before, schedule, at);
    Instant confirmBy = Removals.confirmBy(verdict.absence(), at, rules).orElse(null);
    if (confirmBy != null && (next == null || confirmBy.isBefore(next))) {
      next = confirmBy;
    }
    boolean repeated = errorKind != null && errorKind.equals(before.lastErrorKind());
    ArticleState after = before.fetched(at, next, errorKind).located(before.pageUrl(), verdict.absence());
    return new Outcome(after, false, errorKind != null && !repeated, false, verdict.announce());
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
