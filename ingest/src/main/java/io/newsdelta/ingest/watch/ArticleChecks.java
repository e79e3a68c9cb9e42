package io.newsdelta.ingest.watch;

import io.newsdelta.events.RawVersion;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a fetch of an article means, as a pure function of its state before: the state after, whether the
 * version is published (only when its body hash differs from the last one published), and whether a
 * failure is reported (only when it is not the failure the previous fetch already reported).
 */
public final class ArticleChecks {
  /**
   * The consequences of one fetch.
   *
   * @param state the article's state after the fetch, to save
   * @param publish whether the fetched version is to be published (before the state is saved)
   * @param reportError whether the failure is to be reported
   * @param recovered whether a fetch succeeded after the previous one failed
   */
  public record Outcome(ArticleState state, boolean publish, boolean reportError, boolean recovered) {}

  private ArticleChecks() {}

  /** After a successful fetch that gave {@code version}. */
  public static Outcome afterFetch(ArticleState before, RecheckSchedule schedule, RawVersion version) {
    Instant at = version.fetchedAt();
    Instant next = schedule.nextCheck(before.firstSeen(), before.fetches() + 1, at).orElse(null);
    boolean changed = !Objects.equals(version.bodySha256(), before.lastPublishedSha256());
    ArticleState after = before.fetched(at, next, null);
    if (changed) {
      after = after.published(version.bodySha256(), at);
    }
    return new Outcome(after, changed, false, before.lastErrorKind() != null);
  }

  /** After a fetch at {@code at} that failed with {@code kind}. */
  public static Outcome afterFailure(ArticleState before, RecheckSchedule schedule, ErrorKind kind, Instant at) {
    Instant next = schedule.nextCheck(before.firstSeen(), before.fetches() + 1, at).orElse(null);
    boolean repeated = kind.kind().equals(before.lastErrorKind());
    return new Outcome(before.fetched(at, next, kind.kind()), false, !repeated, false);
  }
}
