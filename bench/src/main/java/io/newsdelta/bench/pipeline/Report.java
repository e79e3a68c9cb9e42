package io.newsdelta.bench.pipeline;

import io.newsdelta.bench.site.SiteStats;

/**
 * One benchmark run, as printed and written to JSON. Rates are over the measuring window (after the
 * first pass over all articles, while the editor works); detection and latency cover the edits made in
 * that window, followed until they were alerted or the settle time ran out.
 *
 * @param setup      what was run
 * @param firstPass  the first pass over the articles
 * @param throughput checks and Kafka records per second in the window
 * @param detection  the ledger against the alerts
 * @param latency    edit-to-alert latencies in milliseconds
 * @param stages     the pipeline's own latency split by stage (null in reports written before it existed)
 * @param cost       memory, CPU and Kafka bytes
 * @param site       what the site saw over the whole run (its politeness counters)
 * @param machine    where it ran
 */
public record Report(Setup setup, FirstPass firstPass, Throughput throughput, Detection detection, Latency latency,
    Stages stages, Cost cost, SiteStats site, Machine machine) {

  /** The parameters of the run. */
  public record Setup(int articles, int feeds, int hosts, String boilerplate, long siteLatencyMillis,
      long recheckGapSeconds, long feedPollSeconds, long windowSeconds, double editsPerSecond,
      double rerendersPerSecond, String heap, String kafka, String command) {}

  /**
   * @param articlesTracked articles the site served at least once by the end of the run
   * @param seconds         from the pipeline's start until every article was fetched once (or the timeout)
   * @param complete        whether every article was fetched within the discovery timeout
   * @param caughtUpSeconds from the pipeline's start until the diff worker had versioned every raw version of
   *                        the first pass (its committed offsets at the topic's end), or -1 if it had not by
   *                        {@code --catch-up-timeout}; the window starts then, so its figures are steady state
   */
  public record FirstPass(int articlesTracked, double seconds, boolean complete, double caughtUpSeconds) {}

  /**
   * @param checksPerSecond       article requests per second at the site
   * @param notModifiedShare      share of article requests answered 304
   * @param feedChecks            feed requests in the window
   * @param rawVersionsPerSecond  records appended to newsdelta.raw-versions (end offsets)
   * @param versionsPerSecond     committed records of newsdelta.article-versions
   * @param changesPerSecond      committed records of newsdelta.article-changes
   */
  public record Throughput(double checksPerSecond, double notModifiedShare, long feedChecks,
      double rawVersionsPerSecond, double versionsPerSecond, double changesPerSecond) {}

  /**
   * @param realEdits           real edits made (ledger)
   * @param boilerplateChanges  boilerplate-only re-renders made by the editor (ledger; with boilerplate at
   *                            every request, every page view is one more)
   * @param detected            real edits alerted with their text
   * @param missed              real edits with no matching alert by the end
   * @param wronglyReported     alerts that no real edit explains (boilerplate reported as a change)
   * @param alerts              webhook deliveries received
   * @param wronglyReportedSamples the first few of those unexplained alerts, to see what was reported
   * @param missedSamples       the first few missed edits from the ledger (article, kind, time), to see why
   */
  public record Detection(int realEdits, int boilerplateChanges, int detected, int missed, int wronglyReported,
      int alerts, java.util.List<Alert> wronglyReportedSamples,
      java.util.List<io.newsdelta.bench.edit.LedgerEntry> missedSamples) {}

  /**
   * Milliseconds; -1 when there were none.
   *
   * @param editToAlert*   edit to webhook arrival
   * @param beyondWait*    webhook arrival minus the time the article was due for its next check after the edit
   * @param pipelineOwn*   webhook arrival minus the change's toObservedAt (fetch to alert)
   * @param recheckLate*   first fetch of the edited page minus when it was due
   */
  public record Latency(long editToAlertP50, long editToAlertP95, long editToAlertP99,
      long beyondWaitP50, long beyondWaitP95, long beyondWaitP99,
      long pipelineOwnP50, long pipelineOwnP95, long pipelineOwnP99,
      long recheckLateP50, long recheckLateP99) {}

  /**
   * The pipeline's own part of each detected edit's latency, split where its records became readable on the
   * broker (milliseconds, p50/p95/p99; -1 when none were timed).
   *
   * @param timed      detected edits whose raw version and change were both seen (those written in the window)
   * @param ingest*    fetch ({@code toObservedAt}) to the raw version readable on {@code newsdelta.raw-versions}
   * @param worker*    raw version readable to the change committed on {@code newsdelta.article-changes}
   * @param notifier*  change committed to the webhook's arrival
   */
  public record Stages(int timed, long ingestP50, long ingestP95, long ingestP99,
      long workerP50, long workerP95, long workerP99, long notifierP50, long notifierP95, long notifierP99) {}

  /**
   * @param peakHeapMib            the most heap in use before a collection (GC log)
   * @param peakLiveHeapMib        the most heap still in use after a collection (GC log)
   * @param peakRssMib             the child's VmHWM
   * @param cpuSecondsPerCheck     the child's user + system CPU in the window per article check
   * @param kafkaBytesWritten      growth of the broker's log segments in the window (-1: log dir unknown)
   * @param kafkaBytesPerCheck     that per article check
   * @param kafkaBytesPerArticlePerDay that per tracked article per day, at this run's check rate
   * @param versionAndChangeBytesPerCheck key + value bytes of the committed versions and changes read
   *                               back, per article check (works against an external cluster too)
   * @param kafkaBytesByTopic      {@code kafkaBytesWritten} by topic (Streams changelogs and repartition topics
   *                               included), the topics that grew only, largest first
   * @param liveHeapAfterFullGcMib the heap in use after a full collection asked for at the end of the settle
   *                               phase ({@code jcmd GC.run}): what the process needs, without the garbage that
   *                               {@code peakLiveHeapMib} may include; -1 when it could not be had
   */
  public record Cost(double peakHeapMib, double peakLiveHeapMib, double peakRssMib, double cpuSecondsPerCheck,
      long kafkaBytesWritten, double kafkaBytesPerCheck, double kafkaBytesPerArticlePerDay,
      double versionAndChangeBytesPerCheck, java.util.Map<String, Long> kafkaBytesByTopic,
      double liveHeapAfterFullGcMib) {}

  /** The machine: cores, memory, Java. */
  public record Machine(int cores, long memoryMib, String java, String note) {}
}
