package io.newsdelta.metrics;

/**
 * The names of newsdelta's own meters, as Micrometer names (dots); Prometheus shows them with underscores and
 * the unit or {@code _total} suffix (docs/operations.md lists both). Kept in one place so the docs test and the
 * dashboard test can check them.
 */
public final class MetricNames {
  /** Feed polls by {@code outcome}: {@code parsed}, {@code not_modified}, {@code failed}. */
  public static final String FEED_POLLS = "newsdelta.feed.polls";
  /** HTTP fetches (feeds and pages) by {@code outcome}: {@code ok}, {@code not_modified} or the failure reason. */
  public static final String FETCHES = "newsdelta.fetches";
  /** Fetch latency (a histogram) by {@code outcome}: request sent to response (or failure). */
  public static final String FETCH_LATENCY = "newsdelta.fetch.latency";
  /** Article checks finished, any outcome. */
  public static final String ARTICLE_CHECKS = "newsdelta.article.checks";
  /** Article checks answered 304 Not Modified (the 304 share is this over {@link #ARTICLE_CHECKS}). */
  public static final String ARTICLE_CHECKS_NOT_MODIFIED = "newsdelta.article.checks.not.modified";
  /** Article checks answered with a body taken in. */
  public static final String ARTICLE_CHECKS_FULL = "newsdelta.article.checks.full";
  /** Article checks that failed. */
  public static final String ARTICLE_CHECKS_FAILED = "newsdelta.article.checks.failed";
  /** Bodies that differed from the last published one but not in their extracted text (nothing published). */
  public static final String ARTICLE_UNCHANGED_TEXT = "newsdelta.article.unchanged.text";
  /** Raw versions published to {@code newsdelta.raw-versions}. */
  public static final String RAW_VERSIONS_PUBLISHED = "newsdelta.raw.versions.published";
  /** Versions the diff worker's producers sent to {@code newsdelta.article-versions}. */
  public static final String VERSIONS_EMITTED = "newsdelta.versions.emitted";
  /** Changes the diff worker's producers sent to {@code newsdelta.article-changes}. */
  public static final String CHANGES_EMITTED = "newsdelta.changes.emitted";
  /** Deliveries by {@code channel} and {@code outcome}: {@code delivered}, {@code dead_lettered}. */
  public static final String DELIVERIES = "newsdelta.deliveries";
  /** Delivery attempts by {@code channel} and {@code outcome}: {@code ok}, {@code failed}. */
  public static final String DELIVERY_ATTEMPTS = "newsdelta.delivery.attempts";
  /** The pipeline's own latency (a histogram) by {@code channel}: a change's {@code toObservedAt} to delivered. */
  public static final String PIPELINE_LATENCY = "newsdelta.pipeline.latency";
  /**
   * WebSub content deliveries to ingest's callback by {@code outcome}: {@code accepted} (signed right: the feed is
   * polled at once), {@code unsigned}, {@code bad_signature}, {@code unknown_subscription}, {@code too_large}.
   */
  public static final String WEBSUB_PUSHES = "newsdelta.websub.pushes";
  /** WebSub requests to hubs by {@code mode} ({@code subscribe}, {@code unsubscribe}) and {@code outcome}. */
  public static final String WEBSUB_HUB_REQUESTS = "newsdelta.websub.hub.requests";
  /** WebSub subscriptions verified and not expired (a gauge): their feeds are polled at the slower pace. */
  public static final String WEBSUB_LIVE = "newsdelta.websub.subscriptions.live";

  private MetricNames() {}
}
