package io.newsdelta.config;

import java.time.Duration;
import java.util.List;

/**
 * The diff worker's settings.
 *
 * @param threads stream threads in this instance
 * @param stateDir where the local copy of the per-article state lives (restored from Kafka when lost)
 * @param siteRules per-host extraction rules ({@code extract.sites})
 * @param appendOnlyPeriod at most one change per this period for updates that only add text (live blogs)
 */
public record DiffWorkerConfig(
    int threads, java.nio.file.Path stateDir, List<SiteRule> siteRules, Duration appendOnlyPeriod) {
  /** The default of {@code diff-worker.append-only-period}. */
  public static final Duration DEFAULT_APPEND_ONLY_PERIOD = Duration.ofMinutes(15);

  public DiffWorkerConfig {
    siteRules = List.copyOf(siteRules);
    Check.range("diff-worker.threads", threads, 1, 64);
    Check.positive("diff-worker.append-only-period", appendOnlyPeriod);
  }

  /** The settings with the defaults of the keys added later. */
  public DiffWorkerConfig(int threads, java.nio.file.Path stateDir, List<SiteRule> siteRules) {
    this(threads, stateDir, siteRules, DEFAULT_APPEND_ONLY_PERIOD);
  }
}
