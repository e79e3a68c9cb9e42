package io.newsdelta.config;

import java.time.Duration;
import java.util.List;

/**
 * The ingest service's settings.
 *
 * @param feeds the feeds to poll
 * @param feedPollInterval how often each feed is polled
 * @param articleRecheck the gaps between re-fetches of an article after it was first seen; then no more
 * @param fetchTimeout the total time allowed for one HTTP request
 * @param maxPageBytes pages larger than this are refused with an error event
 * @param userAgent the User-Agent sent with every request
 * @param fetchConcurrency article fetches in flight at once
 */
public record IngestConfig(
    List<FeedConfig> feeds,
    Duration feedPollInterval,
    List<Duration> articleRecheck,
    Duration fetchTimeout,
    int maxPageBytes,
    String userAgent,
    int fetchConcurrency) {

  public IngestConfig {
    feeds = List.copyOf(feeds);
    articleRecheck = List.copyOf(articleRecheck);
    Check.positive("ingest.feed-poll-interval", feedPollInterval);
    for (int i = 0; i < articleRecheck.size(); i++) {
      Check.positive("ingest.article-recheck[" + i + "]", articleRecheck.get(i));
    }
    Check.positive("ingest.fetch-timeout", fetchTimeout);
    Check.range("ingest.max-page-bytes", maxPageBytes, 1024, 64 * 1024 * 1024);
    Check.notBlank("ingest.user-agent", userAgent, "a name for the crawler with a contact URL");
    Check.range("ingest.fetch-concurrency", fetchConcurrency, 1, 256);
  }
}
