package io.newsdelta.config;

import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.List;

/**
 * The diff worker's settings.
 *
 * @param threads stream threads in this instance
 * @param stateDir where the local copy of the per-article state lives (restored from Kafka when lost)
 * @param siteRules per-host extraction rules ({@code extract.sites})
 * @param commitInterval how often the worker commits its transaction (diff-worker.commit-interval)
 * @param appendOnlyPeriod at most one change per this period for updates that only add text (live blogs)
 * @param topicGeneration "" for the original topics, or the suffix of a generation made by {@code replay}
 *     ({@code g2}: {@code newsdelta.article-versions.g2}, {@code newsdelta.article-changes.g2}); the worker
 *     writes to that generation and the notifier must read from it
 */
public record DiffWorkerConfig(
    int threads,
    java.nio.file.Path stateDir,
    List<SiteRule> siteRules,
    Duration appendOnlyPeriod,
    String topicGeneration,
    Duration commitInterval) {
  /** The default of {@code diff-worker.append-only-period}. */
  public static final Duration DEFAULT_APPEND_ONLY_PERIOD = Duration.ofMinutes(15);
  /** The default of {@code diff-worker.commit-interval}: Kafka Streams' own under exactly-once. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
  /** The application id (and consumer group) of the original generation. */
  public static final String APPLICATION_ID = "newsdelta-diff-worker";

  public DiffWorkerConfig {
    siteRules = List.copyOf(siteRules);
    DiffWorkerKeys.THREADS.check(threads);
    DiffWorkerKeys.APPEND_ONLY_PERIOD.check(appendOnlyPeriod);
    topicGeneration = DiffWorkerKeys.TOPIC_GENERATION.check(topicGeneration == null ? "" : topicGeneration);
    commitInterval = DiffWorkerKeys.COMMIT_INTERVAL.check(commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval);
  }

  /** The settings with the defaults of the keys added later. */
  public DiffWorkerConfig(int threads, java.nio.file.Path stateDir, List<SiteRule> siteRules) {
    this(threads, stateDir, siteRules, DEFAULT_APPEND_ONLY_PERIOD, "", DEFAULT_COMMIT_INTERVAL);
  }

  /** The settings writing to another generation of the topics. */
  public DiffWorkerConfig withGeneration(String generation) {
    return new DiffWorkerConfig(threads, stateDir, siteRules, appendOnlyPeriod, generation, commitInterval);
  }

  /** The settings with another transaction commit interval. */
  public DiffWorkerConfig withCommitInterval(Duration interval) {
    return new DiffWorkerConfig(threads, stateDir, siteRules, appendOnlyPeriod, topicGeneration, interval);
  }

  /** The versions topic of this generation. */
  public String versionsTopic() {
    return suffixed(Topics.ARTICLE_VERSIONS);
  }

  /** The changes topic of this generation (what the notifier must read). */
  public String changesTopic() {
    return suffixed(Topics.ARTICLE_CHANGES);
  }

  /**
   * The Streams application id of this generation: each generation has its own state and position, so a
   * replay's state is what the worker continues with once the generation is switched to.
   */
  public String applicationId() {
    return suffixed(APPLICATION_ID);
  }

  private String suffixed(String name) {
    return topicGeneration.isEmpty() ? name : name + "." + topicGeneration;
  }
}
