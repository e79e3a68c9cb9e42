package io.newsdelta.ingest.watch;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.RawVersion.Lifecycle;
import io.newsdelta.events.RawVersion.LifecycleKind;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.state.ArticleState.Absence;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a tracked article is taken down, moved or back, as pure functions over its {@link Absence}. A
 * removal-looking answer is a 404, 410 or 451, or redirects that end on another URL than the article's page (a
 * section front, another article). A removal or move is announced once such answers of one kind (and, for a
 * move, one target) came in a row over at least {@code ingest.removal-after} and at least {@code
 * ingest.removal-checks} times; the article answering its own page again ends the run (nothing was announced)
 * or is announced as {@code restored}. Transient failures (5xx, 429, timeouts, resets, unknown hosts) are not
 * answers: they neither count nor end a run.
 */
public final class Removals {
  /** Pending confirmation checks are never closer together than this. */
  static final Duration MIN_GAP = Duration.ofMillis(1);

  /**
   * One removal-looking answer.
   *
   * @param kind {@code removed} or {@code moved}
   * @param status the HTTP status (for a move, the first redirect's)
   * @param movedTo for a move, where the redirects end
   */
  public record Answer(LifecycleKind kind, int status, String movedTo) {
    public Answer {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * What one answer means for the article's absence.
   *
   * @param absence the absence to keep (null: the article answers its page, nothing announced)
   * @param announce the lifecycle event to publish, or null
   */
  public record Verdict(Absence absence, Lifecycle announce) {}

  private Removals() {}

  /** The removal-looking answer a failed fetch is, if it is one: an HTTP 404, 410 or 451. */
  public static Optional<Answer> of(FetchException e) {
    if (e.reason() == FetchException.Reason.HTTP_STATUS
        && (e.status() == 404 || e.status() == 410 || e.status() == 451)) {
      return Optional.of(new Answer(LifecycleKind.REMOVED, e.status(), null));
    }
    return Optional.empty();
  }

  /**
   * Whether a response that came from {@code answeredFrom} (after redirects) is the article's own page, known to
   * be at {@code pageUrl} (null when not known yet: any URL is then taken as the page). Scheme, a leading
   * {@code www.}, a trailing slash and tracking parameters do not make another page.
   */
  public static boolean samePage(String pageUrl, URI answeredFrom) {
    return pageUrl == null || answeredFrom == null || key(pageUrl).equals(key(answeredFrom.toString()));
  }

  /** After a removal-looking answer at {@code at}. */
  public static Verdict gone(Absence before, Answer answer, Instant at, IngestConfig.Removal rules) {
    boolean sameRun = before != null && before.kind() == answer.kind()
        && Objects.equals(before.movedTo(), answer.movedTo());
    Absence run = sameRun
        ? new Absence(answer.kind(), answer.status(), answer.movedTo(), before.since(), before.answers() + 1,
            before.announced(), before.announcedTo(), before.announcedSince())
        : new Absence(answer.kind(), answer.status(), answer.movedTo(), at, 1,
            before == null ? null : before.announced(), before == null ? null : before.announcedTo(),
            before == null ? null : before.announcedSince());
    if (run.alreadyAnnounced() || !confirmed(run, at, rules)) {
      return new Verdict(run, null);
    }
    Absence announced = new Absence(run.kind(), run.status(), run.movedTo(), run.since(), run.answers(),
        run.kind(), run.movedTo(), run.since());
    return new Verdict(announced,
        new Lifecycle(run.kind(), run.since(), run.answers(), run.movedTo(), reason(run.status())));
  }

  /** After the article answered its own page at {@code at}: the run ends; an announced absence is restored. */
  public static Verdict answered(Absence before, int status) {
    if (before == null || before.announced() == null) {
      return new Verdict(null, null);
    }
    return new Verdict(null,
        new Lifecycle(LifecycleKind.RESTORED, before.announcedSince(), 1, null, reason(status)));
  }

  /**
   * When the next check of an article with this absence must come at the latest so that a pending run is
   * confirmed in time (and even when the re-check schedule is over); empty when no run is pending.
   */
  public static Optional<Instant> confirmBy(Absence absence, Instant at, IngestConfig.Removal rules) {
    if (absence == null || absence.alreadyAnnounced()) {
      return Optional.empty();
    }
    int checksLeft = Math.max(1, rules.checks() - absence.answers());
    Duration timeLeft = Duration.between(at, absence.since().plus(rules.after()));
    Duration gap = timeLeft.isNegative() || timeLeft.isZero()
        ? rules.after().dividedBy(rules.checks())
        : timeLeft.dividedBy(checksLeft);
    return Optional.of(at.plus(gap.compareTo(MIN_GAP) < 0 ? MIN_GAP : gap));
  }

  private static boolean confirmed(Absence run, Instant at, IngestConfig.Removal rules) {
    return run.answers() >= rules.checks() && !at.isBefore(run.since().plus(rules.after()));
  }

  /** "410 Gone", "301 Moved Permanently", … */
  static String reason(int status) {
    String phrase = switch (status) {
      case 200 -> "OK";
      case 304 -> "Not Modified";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 451 -> "Unavailable For Legal Reasons";
      default -> "";
    };
    return phrase.isEmpty() ? "HTTP " + status : status + " " + phrase;
  }

  private static String key(String url) {
    String id;
    try {
      id = ArticleIds.of(url);
    } catch (IllegalArgumentException e) {
      id = url;
    }
    String rest = id.replaceFirst("^[a-zA-Z]+://", "").toLowerCase(Locale.ROOT);
    rest = rest.startsWith("www.") ? rest.substring(4) : rest;
    return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
  }
}
