package io.newsdelta.ingest.poll;

import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.error.Diagnoses;
import io.newsdelta.ingest.error.Diagnosis;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.error.ErrorReporter;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Polls one feed: a conditional GET (If-None-Match / If-Modified-Since from the last 200), a 304 ends
 * the poll, otherwise the document is parsed and every entry's URL goes to the {@link ArticleSink} (the
 * feeds of an OPML list go to the {@link FeedListSink}). A
 * failure is reported once when it starts (or changes kind), not again at every poll while it lasts; the
 * recovery is logged. One poll at a time per feed: the service starts the next when this one has ended.
 */
public final class FeedPoller implements SourcePoller {
  /** What one poll did. */
  public enum Outcome {
    /** 304: nothing new, nothing parsed. */
    NOT_MODIFIED,
    /** The document was parsed and its entries handed on. */
    PARSED,
    /** The poll failed; see the error events. */
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final URI feedUrl;
  private final HttpFetcher fetcher;
  private final ErrorReporter errors;
  private final ArticleSink sink;
  private final FeedListSink feedLists;
  private final Clock clock;
  private final BooleanSupplier stopping;
  private final AdvertisementSink advertisements;
  private String etag;
  private String lastModified;
  private ErrorKind failing;

  /**
   * @param feedUrl the feed
   * @param fetcher the HTTP client
   * @param errors where failures are reported
   * @param sink where the entries go
   * @param feedLists where the feeds of an OPML list go
   * @param clock stamps the error events
   * @param stopping true once the service shuts down: a fetch interrupted then is not an error
   */
  public FeedPoller(URI feedUrl, HttpFetcher fetcher, ErrorReporter errors, ArticleSink sink,
      FeedListSink feedLists, Clock clock, BooleanSupplier stopping) {
    this(feedUrl, fetcher, errors, sink, feedLists, clock, stopping, null);
  }

  /**
   * The same, telling {@code advertisements} (null: nobody) what each document read says about the feed itself
   * (its WebSub hub).
   */
  public FeedPoller(URI feedUrl, HttpFetcher fetcher, ErrorReporter errors, ArticleSink sink,
      FeedListSink feedLists, Clock clock, BooleanSupplier stopping, AdvertisementSink advertisements) {
    this.advertisements = advertisements;
    this.feedUrl = feedUrl;
    this.fetcher = fetcher;
    this.errors = errors;
    this.sink = sink;
    this.feedLists = feedLists;
    this.clock = clock;
    this.stopping = stopping;
  }

  /** The feed this poller polls. */
  @Override
  public URI feedUrl() {
    return feedUrl;
  }

  /** Polls once and waits for the outcome. Never throws. */
  @Override
  public Outcome poll() {
    return pollAsync(Runnable::run).join();
  }

  /**
   * Polls once without blocking: the request runs asynchronously (bounded by the fetch timeout), the document
   * is parsed on {@code parsing}. A slow or endless feed holds nothing but its own request. The future never
   * completes exceptionally: unexpected failures are logged with their trace and reported.
   */
  @Override
  public CompletableFuture<Outcome> pollAsync(Executor parsing) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    CompletableFuture<FetchedResponse> fetched;
    try {
      fetched = fetcher.fetch(feedUrl, headers, type -> true);
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    return fetched.handleAsync((response, error) -> {
      try (MDC.MDCCloseable ignored = MDC.putCloseable("feedUrl", feedUrl.toString())) {
        return answered(response, error);
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure while polling feed {}", feedUrl, e);
        fail(Diagnoses.unexpected("polling feed " + feedUrl, e));
        return Outcome.FAILED;
      }
    }, parsing);
  }

  private synchronized Outcome answered(FetchedResponse response, Throwable error) {
    if (error != null) {
      if (stopping.getAsBoolean()) {
        return Outcome.FAILED;
      }
      fail(Diagnoses.feedFetch(feedUrl, HttpFetcher.failure(feedUrl, error)));
      return Outcome.FAILED;
    }
    if (response.notModified()) {
      LOG.debug("Feed {} not modified", feedUrl);
      recovered();
      return Outcome.NOT_MODIFIED;
    }
    ParsedFeed feed;
    try {
      feed = FeedParser.parse(response.body(), response.contentType(), response.uri());
    } catch (FeedParseException e) {
      fail(Diagnoses.feedParse(feedUrl, response.contentType(), e));
      return Outcome.FAILED;
    }
    LOG.debug("Feed {} ({}) lists {} articles", feedUrl, feed.type(), feed.articleUrls().size());
    for (URI article : feed.articleUrls()) {
      sink.found(article, feedUrl);
    }
    if (!feed.feedUrls().isEmpty()) {
      feedLists.listed(feed.feedUrls(), feedUrl);
    }
    if (advertisements != null) {
      advertisements.read(feedUrl, response, feed);
    }
    // Validators are kept only once every entry was handed on, so a document that failed half-way is
    // fetched in full again rather than answered with 304.
    etag = response.etag();
    lastModified = response.lastModified();
    recovered();
    return Outcome.PARSED;
  }

  private void fail(Diagnosis diagnosis) {
    if (diagnosis.kind() == failing) {
      LOG.debug("Feed {} still failing: {}", feedUrl, diagnosis.message());
      return;
    }
    failing = diagnosis.kind();
    errors.report(new IngestError(feedUrl.toString(), null, clock.instant(), diagnosis.kind().kind(),
        diagnosis.message()));
  }

  private void recovered() {
    if (failing != null) {
      LOG.info("Feed {} works again (it failed with {})", feedUrl, failing);
      failing = null;
    }
  }
}
