package io.newsdelta.ingest.poll;

import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Polls one entry of the feed registry — an RSS/Atom/OPML feed ({@link FeedPoller}) or a sitemap ({@code
 * io.newsdelta.ingest.sitemap.SitemapPoller}) — and hands the article URLs it lists to an {@link ArticleSink}.
 * The service runs one poll at a time per entry.
 */
public interface SourcePoller {
  /** The registered URL (the registry key), which the articles found are attributed to. */
  URI feedUrl();

  /**
   * Polls once without blocking; the documents are parsed on {@code parsing}. The future never completes
   * exceptionally: failures are reported as error events.
   */
  CompletableFuture<Outcome> pollAsync(Executor parsing);

  /** Polls once and waits for the outcome. Never throws. */
  default Outcome poll() {
    return pollAsync(Runnable::run).join();
  }
}
