package io.newsdelta.ingest.health;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One feed's polls as this instance saw them, and the alerts they make: a feed is <em>stale</em> when it listed
 * no new item for longer than {@code ingest.stale-after} and than four times its own usual gap between new items
 * (a weekly column is not stale after a day), and <em>failing</em> when every poll failed for longer than {@code
 * ingest.failing-after}. A failing feed is not also called stale: the failure is the news. Each state is entered
 * and left once: {@link #evaluate} returns a transition only when it changes. Pure; not thread-safe (the
 * {@link HealthMonitor} guards it).
 */
public final class FeedHealth {
  /** The new-item gaps remembered for the feed's rhythm. */
  private static final int RHYTHM_GAPS = 10;
  /** The least gaps before the rhythm counts: before that only {@code ingest.stale-after} does. */
  private static final int RHYTHM_MIN_GAPS = 3;
  private static final int RHYTHM_FACTOR = 4;

  /**
   * A change of state, to report once.
   *
   * @param kind the error kind of the event
   * @param message what happened and what to do, for the log line and the event
   */
  public record Transition(ErrorKind kind, String message) {}

  private final String feedUrl;
  private final String kind;
  private final Instant since;
  private Instant lastPollAt;
  private Outcome lastOutcome;
  private Instant lastSuccessAt;
  private Instant lastNewItemAt;
  private int items;
  private int consecutiveFailures;
  private Instant failingSince;
  private long errors;
  private String lastError;
  private Set<String> listed = Set.of();
  private final Deque<Duration> gaps = new ArrayDeque<>();
  private boolean stale;
  private boolean failing;

  /**
   * @param feedUrl the feed
   * @param kind its registry kind
   * @param since when this instance started polling it (staleness counts from here until a first new item)
   */
  public FeedHealth(String feedUrl, String kind, Instant since) {
    this.feedUrl = feedUrl;
    this.kind = kind;
    this.since = since;
  }

  /**
   * One poll ended.
   *
   * @param at when
   * @param outcome what it did
   * @param found the item URLs a parsed document listed (ignored unless {@code PARSED})
   */
  public void polled(Instant at, Outcome outcome, Set<String> found) {
    lastPollAt = at;
    lastOutcome = outcome;
    if (outcome == Outcome.FAILED) {
      if (consecutiveFailures++ == 0) {
        failingSince = at;
      }
      errors++;
      return;
    }
    consecutiveFailures = 0;
    failingSince = null;
    lastError = null;
    lastSuccessAt = at;
    if (outcome == Outcome.PARSED) {
      Set<String> now = Set.copyOf(found);
      boolean fresh = now.stream().anyMatch(u -> !listed.contains(u));
      listed = now;
      items = now.size();
      if (fresh) {
        if (lastNewItemAt != null) {
          gaps.addLast(Duration.between(lastNewItemAt, at));
          if (gaps.size() > RHYTHM_GAPS) {
            gaps.removeFirst();
          }
        }
        lastNewItemAt = at;
      }
    }
  }

  /** A failure of this feed was reported (the poller reports each kind of failure once). */
  public void failed(String message) {
    lastError = message;
  }

  /** How long without a new item makes this feed stale: {@code staleAfter} or four times its median gap. */
  Duration staleThreshold(Duration staleAfter) {
    if (gaps.size() < RHYTHM_MIN_GAPS) {
      return staleAfter;
    }
    List<Duration> sorted = gaps.stream().sorted().toList();
    Duration usual = sorted.get(sorted.size() / 2).multipliedBy(RHYTHM_FACTOR);
    return usual.compareTo(staleAfter) > 0 ? usual : staleAfter;
  }

  /** The transitions since the last evaluation, at {@code now} (each state entered and left once). */
  public List<Transition> evaluate(Instant now, IngestConfig.Health config) {
    List<Transition> out = new ArrayList<>();
    boolean failingNow = !config.failingAfter().isZero() && failingSince != null
        && Duration.between(failingSince, now).compareTo(config.failingAfter()) > 0;
    if (failingNow != failing) {
      failing = failingNow;
      out.add(failingNow
          ? new Transition(ErrorKind.FEED_FAILING, "Feed " + feedUrl + " has failed every poll for "
              + human(Duration.between(failingSince, now)) + " (" + consecutiveFailures + " polls; last: "
              + (lastError == null ? "see the earlier error events" : lastError) + "); ingest keeps polling it; fix the"
              + " feed or its URL, or remove it with 'newsdelta feeds remove " + feedUrl + "'")
          : new Transition(ErrorKind.FEED_RECOVERED, "Feed " + feedUrl + " was polled successfully again; it is no"
              + " longer failing"));
    }
    Instant reference = lastNewItemAt != null ? lastNewItemAt : since;
    Duration threshold = staleThreshold(config.staleAfter());
    boolean quiet = !config.staleAfter().isZero() && Duration.between(reference, now).compareTo(threshold) > 0;
    // A failing feed does not become stale as well (the failure is the news), but one stale already stays stale
    // until it lists a new item: each state is left once, by what ends it.
    boolean staleNow = stale ? quiet : quiet && !failing;
    if (staleNow != stale) {
      stale = staleNow;
      out.add(staleNow
          ? new Transition(ErrorKind.FEED_STALE, "Feed " + feedUrl + " has listed no new item for "
              + human(Duration.between(reference, now)) + " (more than " + human(threshold) + (lastNewItemAt == null
                  ? ", none since ingest started polling it" : "") + "); check that the site still updates it"
              + " and that its URL is the live feed; if it is this quiet, raise ingest.stale-after")
          : new Transition(ErrorKind.FEED_FRESH, "Feed " + feedUrl + " lists new items again; it is no longer"
              + " stale"));
    }
    return out;
  }

  /** {@code failing}, {@code stale}, {@code ok}, or {@code unknown} before any poll ended. */
  public String health() {
    if (failing) {
      return "failing";
    }
    if (stale) {
      return "stale";
    }
    return lastPollAt == null ? "unknown" : "ok";
  }

  /** Whether it is stale now (as of the last evaluation). */
  public boolean stale() {
    return stale;
  }

  /** Whether it is failing now (as of the last evaluation). */
  public boolean failing() {
    return failing;
  }

  /** Its status, as written to {@code newsdelta.feeds.status}. */
  public FeedStatus status(String owner, Instant now) {
    return new FeedStatus(feedUrl, kind, owner, health(), since, lastPollAt,
        lastOutcome == null ? null : lastOutcome.name().toLowerCase(Locale.ROOT), lastSuccessAt, lastNewItemAt, items,
        consecutiveFailures, errors, lastError, now);
  }

  /** What, when it changes, is written at once rather than at the next status interval. */
  Object signature() {
    return List.of(health(), String.valueOf(lastOutcome), items, consecutiveFailures > 0, String.valueOf(lastError));
  }

  /** A duration for people: 45 s, 12 min, 5 h, 3 d. */
  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 2 * 3600) {
      return s / 60 + " min";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " h";
    }
    return s / 86400 + " d";
  }
}
