package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.RawVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns ingest's lifecycle events (an article taken down, moved, back) into changes of kind {@code removed},
 * {@code moved} and {@code restored}, exactly once: the article's state remembers what is announced, so a
 * replayed or repeated event changes nothing. Such a change refers to the latest version (from and to), has no
 * hunks and says what happened in its summary.
 */
public final class Lifecycles {
  private Lifecycles() {}

  /**
   * Observes a lifecycle event of an article.
   *
   * @param state the article's state, or null when no version of it was recorded (nothing to announce then: the
   *     first version is recorded, never announced, and a removal before it has nothing to refer to)
   * @param raw the event ({@link RawVersion#lifecycle()} not null)
   * @return the observation: the same state and no change when there is nothing new to announce
   */
  public static Observation observe(ArticleState state, RawVersion raw) {
    RawVersion.Lifecycle event = Objects.requireNonNull(raw.lifecycle(), "lifecycle");
    if (state == null || event.kind() == null) {
      return new Observation(state, null, List.of());
    }
    ArticleChange.Kind kind = switch (event.kind()) {
      case REMOVED -> ArticleChange.Kind.REMOVED;
      case MOVED -> ArticleChange.Kind.MOVED;
      case RESTORED -> ArticleChange.Kind.RESTORED;
    };
    String movedTo = kind == ArticleChange.Kind.MOVED ? event.movedTo() : null;
    ArticleState after;
    if (kind == ArticleChange.Kind.RESTORED) {
      if (state.absent() == null) {
        return new Observation(state, null, List.of());
      }
      after = state.withAbsence(null, null);
    } else {
      if (state.absent() == kind && Objects.equals(state.movedTo(), movedTo)) {
        return new Observation(state, null, List.of());
      }
      after = state.withAbsence(kind, movedTo);
    }
    return new Observation(after, null, describe(state.latest(), raw, kind, movedTo, event.reason()));
  }

  /**
   * The change id of a lifecycle change: {@code articleId#N-N-kind-epochMillis}, N the latest version and the
   * time the event's fetch; unique per article however often it comes and goes, and the same on a replay.
   */
  public static String changeId(String articleId, int version, ArticleChange.Kind kind, Instant at) {
    return ArticleChange.idOf(articleId, version, version) + "-" + kind.name().toLowerCase(java.util.Locale.ROOT)
        + "-" + (at == null ? 0 : at.toEpochMilli());
  }

  private static ArticleChange describe(
      ArticleVersion latest, RawVersion raw, ArticleChange.Kind kind, String movedTo, String reason) {
    return new ArticleChange(
        changeId(latest.articleId(), latest.version(), kind, raw.fetchedAt()),
        latest.articleId(),
        raw.url() != null ? raw.url() : latest.url(),
        latest.title(),
        latest.version(),
        latest.version(),
        latest.observedAt(),
        raw.fetchedAt(),
        false,
        false,
        null,
        List.of(),
        new ChangeStats(0, 0),
        summary(kind, movedTo, reason),
        latest.title(),
        false,
        null,
        false,
        null,
        false,
        false,
        false,
        kind,
        movedTo);
  }

  /** "Article removed (410 Gone)", "Article moved to https://… (301 Moved Permanently)", "Article restored". */
  static String summary(ArticleChange.Kind kind, String movedTo, String reason) {
    String what = switch (kind) {
      case REMOVED -> "Article removed";
      case MOVED -> "Article moved to " + movedTo;
      case RESTORED -> "Article restored";
      case EDIT -> "Article edited";
    };
    return reason == null || reason.isBlank() || kind == ArticleChange.Kind.RESTORED
        ? what : what + " (" + reason + ")";
  }
}
