package io.newsdelta.events;

/**
 * An entry of the feed registry, on the compacted {@link Topics#FEEDS}, keyed by feed URL. A null value
 * (tombstone) removes the feed. Fields are only ever added; a registration of an earlier release (without
 * {@code kind} or {@code schedule}) is an RSS/Atom/OPML feed on the list of gaps.
 *
 * @param url the feed URL
 * @param name a human name for the feed, or null
 * @param kind what the URL is: {@code feed} (RSS, Atom or OPML) or {@code sitemap} (a sitemap, Google News
 *     sitemap or sitemap index, gzipped or not); null means {@code feed}
 * @param schedule how the feed's articles are re-checked: {@code gaps} (the list {@code ingest.article-recheck})
 *     or {@code geometric} (News Sniffer's growing gaps, {@code ingest.geometric-recheck}); null means {@code
 *     gaps}
 */
public record FeedRegistration(String url, String name, String kind, String schedule) {
  /** An RSS, Atom or OPML document. */
  public static final String KIND_FEED = "feed";
  /** A sitemap (plain, Google News, or an index of sitemaps, gzipped or not). */
  public static final String KIND_SITEMAP = "sitemap";
  /** Re-checks on the configured list of gaps. */
  public static final String SCHEDULE_GAPS = "gaps";
  /** Re-checks on News Sniffer's geometric schedule. */
  public static final String SCHEDULE_GEOMETRIC = "geometric";

  /** A feed of an earlier release: RSS/Atom/OPML, on the list of gaps. */
  public FeedRegistration(String url, String name) {
    this(url, name, null, null);
  }

  /** The kind, {@value #KIND_FEED} when none was written. */
  public String kindOrDefault() {
    return kind == null || kind.isBlank() ? KIND_FEED : kind;
  }

  /** The schedule, {@value #SCHEDULE_GAPS} when none was written. */
  public String scheduleOrDefault() {
    return schedule == null || schedule.isBlank() ? SCHEDULE_GAPS : schedule;
  }
}
