package io.newsdelta.ingest.watch;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.RawVersion;
import io.newsdelta.ingest.error.Diagnoses;
import io.newsdelta.ingest.error.Diagnosis;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.fetch.BodyDecoder;
import io.newsdelta.ingest.fetch.ContentTypes;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.ArticleSink;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.ingest.schedule.DueQueue;
import io.newsdelta.ingest.schedule.DueQueue.Due;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps every known article and fetches each when it is due: at once when a feed first lists it, then
 * on the re-check schedule. A fetched body whose hash differs from the last one published is published
 * as a raw version; then the article's state is saved. That order means a crash between the two at
 * worst publishes the same bytes again, and never loses a version. A failed fetch is reported once and
 * counts as a check, so the page is tried again at its next one.
 *
 * <p>An article is, at any time, either waiting in the due queue, being fetched, or finished with (no
 * checks left), so it is never fetched twice at once. At most {@code concurrency} fetches run at once.
 */
public final class ArticleWatcher implements ArticleSink {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleWatcher.class);
  /** When Kafka does not take a version, the article is tried again this much later. */
  static final Duration PUBLISH_RETRY = Duration.ofSeconds(30);

  private final Map<String, ArticleState> states = new ConcurrentHashMap<>();
  private final DueQueue due = new DueQueue();
  private final RecheckSchedule schedule;
  private final HttpFetcher fetcher;
  private final IngestPublisher publisher;
  private final Clock clock;
  private final Executor fetchExecutor;
  private final Semaphore permits;
  private volatile boolean stopping;

  /**
   * @param schedule the re-check schedule
   * @param fetcher fetches the pages
   * @param publisher publishes versions, state and errors
   * @param clock the time of discoveries, fetches and checks
   * @param fetchExecutor runs the fetches
   * @param concurrency fetches in flight at most
   */
  public ArticleWatcher(RecheckSchedule schedule, HttpFetcher fetcher, IngestPublisher publisher, Clock clock,
      Executor fetchExecutor, int concurrency) {
    this.schedule = schedule;
    this.fetcher = fetcher;
    this.publisher = publisher;
    this.clock = clock;
    this.fetchExecutor = fetchExecutor;
    this.permits = new Semaphore(Math.max(1, concurrency));
  }

  /** Takes the states read back from Kafka and queues every article that has checks left. */
  public void restore(Map<String, ArticleState> restored) {
    restored.forEach(
        (id, state) -> {
          states.put(id, state);
          if (state.nextCheckAt() != null) {
            due.schedule(id, state.nextCheckAt());
          }
        });
  }

  /** Articles known, finished with or not. */
  public int knownArticles() {
    return states.size();
  }

  /** Articles waiting for a check. */
  public int waitingArticles() {
    return due.size();
  }

  @Override
  public void found(URI articleUrl, URI feedUrl) {
    String id;
    try {
      id = ArticleIds.of(articleUrl.toString());
    } catch (IllegalArgumentException e) {
      LOG.debug("Skipping entry {} of feed {}: {}", articleUrl, feedUrl, e.getMessage());
      return;
    }
    ArticleState fresh = ArticleState.discovered(id, articleUrl.toString(), feedUrl.toString(), clock.instant());
    if (states.putIfAbsent(id, fresh) == null) {
      LOG.info("New article {} in feed {}", id, feedUrl);
      due.schedule(id, fresh.nextCheckAt());
    }
  }

  /** Starts the fetches that are due, as many as the concurrency allows. Called on a short tick. */
  public void dispatchDue() {
    while (!stopping && permits.tryAcquire()) {
      Optional<Due> next = due.pollDue(clock.instant());
      if (next.isEmpty()) {
        permits.release();
        return;
      }
      String id = next.get().articleId();
      try {
        fetchExecutor.execute(
            () -> {
              try {
                check(id);
              } finally {
                permits.release();
              }
            });
      } catch (RejectedExecutionException e) {
        permits.release();
        due.schedule(id, next.get().at());
        return;
      }
    }
  }

  /** From now on, fetches in flight are abandoned rather than reported, and no new ones start. */
  public void stop() {
    stopping = true;
  }

  /** Fetches one article now, publishes it if its body changed, saves its state. */
  void check(String id) {
    ArticleState before = states.get(id);
    if (before == null || stopping) {
      return;
    }
    try (MDC.MDCCloseable a = MDC.putCloseable("articleId", id);
        MDC.MDCCloseable f = MDC.putCloseable("feedUrl", before.feedUrl())) {
      fetchAndPublish(before);
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while checking article {}", id, e);
      Instant now = clock.instant();
      ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, ErrorKind.INTERNAL, now);
      if (outcome.reportError()) {
        report(before, Diagnoses.unexpected("checking article " + id, e), now);
      }
      save(outcome.state());
    }
  }

  private void fetchAndPublish(ArticleState before) {
    URI url = URI.create(before.url());
    FetchedResponse response;
    try {
      response = fetcher.get(url, Map.of(), ContentTypes::isHtml);
    } catch (FetchException e) {
      if (stopping) {
        // Shutting down: the check is handed back; it runs again after the restart.
        return;
      }
      Instant now = clock.instant();
      ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, Diagnoses.pageKind(e), now);
      if (outcome.reportError()) {
        report(before, Diagnoses.pageFetch(url, e, outcome.state().nextCheckAt()), now);
      } else {
        LOG.debug("Page {} still failing: {}", url, e.getMessage());
      }
      save(outcome.state());
      return;
    }
    String body = BodyDecoder.decode(response.body(), response.contentType());
    RawVersion version =
        new RawVersion(before.articleId(), before.url(), before.feedUrl(), response.receivedAt(),
            response.status(), response.contentType(), Hashes.sha256(body), body);
    ArticleChecks.Outcome outcome = ArticleChecks.afterFetch(before, schedule, version);
    if (outcome.recovered()) {
      LOG.info("Page {} fetched again after failing with {}", url, before.lastErrorKind());
    }
    if (outcome.publish()) {
      try {
        publisher.publishVersion(version);
      } catch (NewsdeltaException e) {
        if (!stopping) {
          LOG.error("{}; the article is fetched again in {} s", e.getMessage(), PUBLISH_RETRY.toSeconds());
          due.schedule(before.articleId(), clock.instant().plus(PUBLISH_RETRY));
        }
        return;
      }
      LOG.info("Published {} version of {} ({} chars, sha256 {})",
          before.lastPublishedSha256() == null ? "the first" : "a changed", before.articleId(), body.length(),
          version.bodySha256().substring(0, 12));
    } else {
      LOG.debug("Article {} unchanged", before.articleId());
    }
    save(outcome.state());
  }

  private void save(ArticleState state) {
    states.put(state.articleId(), state);
    publisher.saveState(state);
    if (state.nextCheckAt() != null) {
      due.schedule(state.articleId(), state.nextCheckAt());
    }
  }

  private void report(ArticleState article, Diagnosis diagnosis, Instant at) {
    publisher.report(
        new IngestError(article.feedUrl(), article.url(), at, diagnosis.kind().kind(), diagnosis.message()));
  }
}
