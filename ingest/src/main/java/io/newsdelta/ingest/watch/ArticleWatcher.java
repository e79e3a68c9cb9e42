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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps every known article and fetches each of this instance's articles when it is due: at once when a
 * feed first lists it, then on the re-check schedule. A fetched body whose hash differs from the last one
 * published is published as a raw version; then the article's state is saved. That order means a crash
 * between the two at worst publishes the same bytes again, and never loses a version. A failed fetch is
 * reported once and counts as a check, so the page is tried again at its next one.
 *
 * <p>An article belongs to the feed it was first found in; it is this instance's while it owns that feed
 * ({@link ArticleBook}). Feeds are owned and given up as the registry partitions move between instances:
 * {@link #own(String)} schedules a feed's known articles, {@link #release(Collection, Duration)} stops
 * scheduling them and waits until their checks in flight, state writes included, are done, so the next
 * owner reads their latest state and neither re-fetches early nor re-publishes.
 *
 * <p>An article listed in two feeds owned by two instances may be fetched by both, when neither knew it
 * yet: the diff worker drops the second identical text. Within one instance it is one article.
 *
 * <p>A mine article is, at any time, either waiting in the due queue, being fetched, or finished with (no
 * checks left), so it is never fetched twice at once. At most {@code concurrency} fetches run at once.
 */
public final class ArticleWatcher implements ArticleSink {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleWatcher.class);
  /** When Kafka does not take a version, the article is tried again this much later. */
  static final Duration PUBLISH_RETRY = Duration.ofSeconds(30);

  /** Guards {@link #book} and {@link #inFlight}; signalled when a check in flight ends. */
  private final Object lock = new Object();
  private final ArticleBook book = new ArticleBook();
  /** Checks in flight (from before the fetch to the acknowledgement of the state write), by token: feed URL. */
  private final Map<Object, String> inFlight = new HashMap<>();
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

  /**
   * Takes the states read back from Kafka: those of articles that are not this instance's replace what
   * was known of them; those that became this instance's are queued when they have checks left.
   */
  public void refresh(Map<String, ArticleState> restored) {
    synchronized (lock) {
      book.merge(restored).forEach(s -> due.schedule(s.articleId(), s.nextCheckAt()));
    }
  }

  /**
   * Makes the articles of {@code feedUrl} this instance's: its known articles with checks left are queued
   * and new ones found in it are fetched.
   *
   * @return how many of its articles were queued
   */
  public int own(String feedUrl) {
    synchronized (lock) {
      List<ArticleState> articles = book.own(feedUrl);
      articles.forEach(s -> due.schedule(s.articleId(), s.nextCheckAt()));
      return articles.size();
    }
  }

  /**
   * Gives up the articles of {@code feedUrls}: none is fetched or queued from now on, and the articles
   * found in them are ignored. Waits at most {@code handOver} for their checks in flight, state writes
   * included, so the next owner reads their latest state (zero: does not wait).
   *
   * @return whether no check of theirs was still in flight when this returned
   */
  public boolean release(Collection<String> feedUrls, Duration handOver) {
    long deadline = System.nanoTime() + handOver.toNanos();
    Set<String> feeds = Set.copyOf(feedUrls);
    synchronized (lock) {
      book.disown(feeds).forEach(due::remove);
      while (inFlight.values().stream().anyMatch(feeds::contains)) {
        long left = deadline - System.nanoTime();
        if (stopping || left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Articles known, this instance's or not. */
  public int knownArticles() {
    synchronized (lock) {
      return book.known();
    }
  }

  /** Articles of the feeds this instance owns. */
  public int ownArticles() {
    synchronized (lock) {
      return book.mine();
    }
  }

  /** Articles waiting for a check. */
  public int waitingArticles() {
    return due.size();
  }

  /** Takes an article found in a feed; fetches it at once when it is new and the feed is this instance's. */
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
    synchronized (lock) {
      if (!book.discover(fresh)) {
        return;
      }
      due.schedule(id, fresh.nextCheckAt());
    }
    LOG.info("New article {} in feed {}", id, feedUrl);
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
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Fetches one article now if it is this instance's, publishes it if its body changed, saves its state. */
  void check(String id) {
    Object token = new Object();
    ArticleState before;
    synchronized (lock) {
      before = book.mine(id).orElse(null);
      if (before == null || stopping) {
        return;
      }
      inFlight.put(token, before.feedUrl());
    }
    boolean saving = false;
    try (MDC.MDCCloseable a = MDC.putCloseable("articleId", id);
        MDC.MDCCloseable f = MDC.putCloseable("feedUrl", before.feedUrl())) {
      saving = fetchAndPublish(before, token);
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while checking article {}", id, e);
      Instant now = clock.instant();
      ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, ErrorKind.INTERNAL, now);
      if (outcome.reportError()) {
        report(before, Diagnoses.unexpected("checking article " + id, e), now);
      }
      saving = save(outcome.state(), token);
    } finally {
      if (!saving) {
        done(token);
      }
    }
  }

  /** Returns whether a state write was sent, which ends the check in flight when Kafka acknowledges it. */
  private boolean fetchAndPublish(ArticleState before, Object token) {
    URI url = URI.create(before.url());
    FetchedResponse response;
    try {
      response = fetcher.get(url, Map.of(), ContentTypes::isHtml);
    } catch (FetchException e) {
      if (stopping) {
        // Shutting down: the check is handed back; it runs again after the restart.
        return false;
      }
      Instant now = clock.instant();
      ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, Diagnoses.pageKind(e), now);
      if (outcome.reportError()) {
        report(before, Diagnoses.pageFetch(url, e, outcome.state().nextCheckAt()), now);
      } else {
        LOG.debug("Page {} still failing: {}", url, e.getMessage());
      }
      return save(outcome.state(), token);
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
          synchronized (lock) {
            if (book.owns(before.feedUrl())) {
              due.schedule(before.articleId(), clock.instant().plus(PUBLISH_RETRY));
            }
          }
        }
        return false;
      }
      LOG.info("Published {} version of {} ({} chars, sha256 {})",
          before.lastPublishedSha256() == null ? "the first" : "a changed", before.articleId(), body.length(),
          version.bodySha256().substring(0, 12));
    } else {
      LOG.debug("Article {} unchanged", before.articleId());
    }
    return save(outcome.state(), token);
  }

  /**
   * Keeps the state, queues the next check while the article is this instance's, and writes the state;
   * the check in flight ends when Kafka acknowledged (or refused) the write.
   */
  private boolean save(ArticleState state, Object token) {
    synchronized (lock) {
      if (book.update(state) && state.nextCheckAt() != null) {
        due.schedule(state.articleId(), state.nextCheckAt());
      }
    }
    publisher.saveState(state, () -> done(token));
    return true;
  }

  private void done(Object token) {
    synchronized (lock) {
      if (inFlight.remove(token) != null) {
        lock.notifyAll();
      }
    }
  }

  private void report(ArticleState article, Diagnosis diagnosis, Instant at) {
    publisher.report(
        new IngestError(article.feedUrl(), article.url(), at, diagnosis.kind().kind(), diagnosis.message()));
  }
}
