package io.newsdelta.ingest.schedule;

import io.newsdelta.config.IngestConfig.GeometricRecheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * News Sniffer's schedule: the first re-check comes {@code first} after the article was first seen; each check
 * that finds the text unchanged makes the next gap {@code factor} times the last; a check that finds it changed
 * brings the gap back to {@code first}; once the next gap would pass {@code retireAfter} the article is retired.
 *
 * <p>The gap is not stored: with gaps {@code g, g·f, g·f², …} the gap after {@code k} unchanged checks equals
 * {@code g + (f − 1) ×} the time they took, so the next gap is {@code first + (factor − 1) ×} the time since
 * the text last changed (its last published version, or first seen when none was). On checks that run on time
 * this is exactly {@code first × factor^k}; a check that ran late (a restart after downtime) counts the time
 * the article really went unchanged. Pure.
 */
public final class GeometricSchedule {
  private final Duration first;
  private final double factor;
  private final Duration retireAfter;

  /** The schedule with the configured numbers. */
  public GeometricSchedule(GeometricRecheck numbers) {
    Objects.requireNonNull(numbers, "numbers");
    this.first = numbers.first();
    this.factor = numbers.factor();
    this.retireAfter = numbers.retireAfter();
  }

  /**
   * When the next check is due, after a check at {@code at}.
   *
   * @param firstSeen when the article was first seen
   * @param fetchesBefore fetches made before this one (0: this was the first fetch, at discovery)
   * @param lastChange when the text last changed before this check (its last published version), or null
   * @param at when this check ran
   * @param changed whether this check found the text changed (the first fetch always does)
   * @return the next check, or empty when the article is retired
   */
  public Optional<Instant> next(Instant firstSeen, int fetchesBefore, Instant lastChange, Instant at,
      boolean changed) {
    if (fetchesBefore == 0) {
      Instant next = firstSeen.plus(first);
      return Optional.of(next.isAfter(at) ? next : at.plus(first));
    }
    if (changed) {
      return Optional.of(at.plus(first));
    }
    Instant since = lastChange != null ? lastChange : firstSeen;
    Duration gap = gapAfterUnchanged(Duration.between(since, at));
    return gap.compareTo(retireAfter) > 0 ? Optional.empty() : Optional.of(at.plus(gap));
  }

  /** The gap after a check that found the text unchanged for {@code unchangedFor}. */
  Duration gapAfterUnchanged(Duration unchangedFor) {
    double extraMs = (factor - 1) * Math.max(0, unchangedFor.toMillis());
    // Past the retirement gap the exact figure no longer matters; capping keeps the arithmetic in range.
    long ms = Math.round(Math.min(extraMs, retireAfter.toMillis() + 1.0));
    return first.plusMillis(ms);
  }
}
