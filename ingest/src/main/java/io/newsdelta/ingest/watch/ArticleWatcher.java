package io.newsdelta.ingest.watch;

import crawlercommons.robots.BaseRobotRules;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.RawVersion.LifecycleKind;
import io.newsdelta.events.Topics;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.CharsetSniffer;
import io.newsdelta.extract.ExtractedArticle;
import io.newsdelta.ingest.error.Diagnoses;
import io.newsdelta.ingest.error.Diagnosis;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.fetch.ContentSniffer;
import io.newsdelta.ingest.fetch.ContentTypes;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.host.HostQueues;
import io.newsdelta.ingest.host.RobotsCache;
import io.newsdelta.ingest.poll.ArticleSink;
import io.newsdelta.ingest.publish.IngestPublisher;
import io.newsdelta.ingest.schedule.CatchUp;
import io.newsdelta.ingest.schedule.DueQueue;
import io.newsdelta.ingest.schedule.DueQueue.Due;
import io.newsdelta.ingest.schedule.RecheckSchedule;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.ingest.state.StateWrites;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps every known article and checks each of this instance's articles when it is due: at once when a feed
 * first lists it, then on the re-check schedule. No tick: one dispatcher thread takes the due articles (a queue
 * keyed by due time), lines them up behind their host ({@link HostQueues}: per-host concurrency, minimum gap,
 * Crawl-delay, backoff, Retry-After) and starts every one that may start, as asynchronous requests, up to
 * {@code ingest.fetch-concurrency} checks in flight; a check that ends wakes it at once. Bodies are processed on
 * a small pool: sniffed (non-HTML refused), decoded (the extractor's {@link CharsetSniffer}), fingerprinted by
 * their extracted text ({@link TextFingerprint}), and published only when the text changed; then the state is
 * saved, with the page's validators, so the next check is a conditional GET. A raw version is acknowledged by
 * Kafka before the state that records it is written, so a crash can at worst re-publish, never lose, a version.
 *
 * <p>An article belongs to the feed it was first found in; it is this instance's while it owns that feed
 * ({@link ArticleBook}). {@link #own(String)} schedules a feed's known articles — spreading those that fell due
 * while nobody watched them ({@link CatchUp}) — and {@link #release(Collection, Duration)} stops scheduling them
 * and waits until their checks in flight, state writes included, are done, so the next owner reads their latest
 * state.
 *
 * <p>A mine article is, at any time, either waiting in the due queue, waiting for its host, being checked, or
 * finished with (no checks left), so it is never fetched twice at once.
 */
public final class ArticleWatcher implements ArticleSink {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleWatcher.class);
  /** When Kafka does not take a version, the article is tried again this much later. */
  static final Duration PUBLISH_RETRY = Duration.ofSeconds(30);
  /** The dispatcher looks at the clock at least this often, so a moved (test) clock is noticed. */
  private static final long MAX_IDLE_MS = 200;
  /** A Retry-After shorter than this is taken as this. */
  private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
  private static final int ENCODED_LIMIT = Topics.MAX_MESSAGE_BYTES - IngestConfig.ENVELOPE_HEADROOM;

  /** Guards everything below that is not final-and-thread-safe; signalled when work ends or arrives. */
  private final Object lock = new Object();
  private final ArticleBook book = new ArticleBook();
  /** Checks in flight (from before the fetch to the acknowledgement of the state write), by token: feed URL. */
  private final Map<Object, String> inFlight = new HashMap<>();
  private final DueQueue due = new DueQueue();
  /** Mine articles whose latest state (after unchanged checks) is kept but not written yet ({@link StateWrites}). */
  private final Set<String> unwritten = new HashSet<>();
  private final HostQueues hosts;
  private final RobotsCache robots;
  private final Set<String> feedsWithoutRobots;
  private final RecheckSchedule schedule;
  private final HttpFetcher fetcher;
  private final IngestPublisher publisher;
  private final ArticleExtractor extractor;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Executor processing;
  private final int maxChecks;
  private final Duration catchUpWindow;
  private final IngestConfig.Removal removal;
  private final IngestCounters counters = new IngestCounters();
  /** Checks taken from the host queues and not yet processed (their bodies may be in memory). */
  private int running;
  private boolean wakeup;
  private volatile boolean stopping;
  private volatile boolean paused;
  private Thread dispatcher;

  /**
   * @param schedule the re-check schedule
   * @param fetcher fetches the pages
   * @param publisher where versions, states and errors go
   * @param extractor reads the article text the fingerprint is made of (the diff worker's rules)
   * @param hosts the per-host limits and queues
   * @param robots the robots.txt rules cache
   * @param feedsWithoutRobots feeds whose pages do not obey robots.txt
   * @param clock stamps discoveries, fetches and checks
   * @param processing runs the CPU work after a fetch (sniffing, decoding, extraction, encoding)
   * @param maxChecks checks in flight at once
   * @param catchUpWindow the longest window overdue checks are spread over when articles are taken over
   */
  public ArticleWatcher(RecheckSchedule schedule, HttpFetcher fetcher, IngestPublisher publisher,
      ArticleExtractor extractor, HostQueues hosts, RobotsCache robots, Set<String> feedsWithoutRobots, Clock clock,
      Executor processing, int maxChecks, Duration catchUpWindow) {
    this(schedule, fetcher, publisher, extractor, hosts, robots, feedsWithoutRobots, clock, processing, maxChecks,
        catchUpWindow, IngestConfig.Removal.DEFAULT);
  }

  /**
   * As above, with when a page that stopped answering counts as removed or moved.
   *
   * @param removal {@code ingest.removal-after} and {@code ingest.removal-checks}
   */
  public ArticleWatcher(RecheckSchedule schedule, HttpFetcher fetcher, IngestPublisher publisher,
      ArticleExtractor extractor, HostQueues hosts, RobotsCache robots, Set<String> feedsWithoutRobots, Clock clock,
      Executor processing, int maxChecks, Duration catchUpWindow, IngestConfig.Removal removal) {
    this.removal = removal;
    this.schedule = schedule;
    this.fetcher = fetcher;
    this.publisher = publisher;
    this.extractor = extractor;
    this.hosts = hosts;
    this.robots = robots;
    this.feedsWithoutRobots = Set.copyOf(feedsWithoutRobots);
    this.clock = clock;
    this.nanoTime = System::nanoTime;
    this.processing = processing;
    this.maxChecks = Math.max(1, maxChecks);
    this.catchUpWindow = catchUpWindow;
  }

  /** Starts the dispatcher thread. */
  public void start() {
    synchronized (lock) {
      if (dispatcher == null) {
        dispatcher = new Thread(this::dispatchLoop, "ingest-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
      }
    }
  }

  /** What the checks did so far. */
  public IngestCounters.Snapshot counters() {
    return counters.snapshot();
  }

  /**
   * Takes the states read back from Kafka: those of articles that are not this instance's replace what was
   * known of them; those that became this instance's are queued when they have checks left.
   */
  public void refresh(Map<String, ArticleState> restored) {
    synchronized (lock) {
      scheduleTakenOver(book.merge(restored));
    }
  }

  /**
   * Makes the articles of {@code feedUrl} this instance's: its known articles with checks left are queued and
   * new ones found in it are fetched.
   *
   * @return how many of its articles were queued
   */
  public int own(String feedUrl) {
    synchronized (lock) {
      List<ArticleState> articles = book.own(feedUrl);
      scheduleTakenOver(articles);
      return articles.size();
    }
  }

  /** Queues taken-over articles; those that fell due meanwhile are spread rather than fired at once. */
  private void scheduleTakenOver(List<ArticleState> articles) {
    Instant now = clock.instant();
    int overdue = (int) articles.stream().filter(s -> !s.nextCheckAt().isAfter(now)).count();
    Duration window = CatchUp.window(overdue, catchUpWindow);
    for (ArticleState s : articles) {
      due.schedule(s.articleId(), CatchUp.spread(s.articleId(), s.nextCheckAt(), now, window));
    }
    if (overdue > 0) {
      LOG.info("{} article checks fell due while nobody watched them; they run over the next {} s", overdue,
          window.toSeconds());
    }
    wake();
  }

  /**
   * Gives up the articles of {@code feedUrls}: none is fetched or queued from now on, and the articles found in
   * them are ignored. Waits at most {@code handOver} for their checks in flight, state writes included, so the
   * next owner reads their latest state (zero: does not wait).
   *
   * @return whether no check of theirs was still in flight when this returned
   */
  public boolean release(Collection<String> feedUrls, Duration handOver) {
    long deadline = System.nanoTime() + handOver.toNanos();
    Set<String> feeds = Set.copyOf(feedUrls);
    // The states kept unwritten go to Kafka first: the next owner reads them (the wait below covers them).
    writeUnwritten(s -> feeds.contains(s.feedUrl()));
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

  /**
   * The checks of this instance's articles that are due and not done: how far behind its schedule it is (feed
   * health's lag alert).
   */
  public ArticleBook.Overdue overdue() {
    synchronized (lock) {
      return book.overdue(clock.instant());
    }
  }

  /** Articles known, this instance's or not. */
  public int knownArticles() {
    synchronized (lock) {
      return book.known();
    }
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
      wake();
    }
    LOG.debug("New article {} in feed {}", id, feedUrl);
  }

  /**
   * Waits at most {@code timeout} until no check is in flight (state writes included).
   *
   * @return whether none is
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (running > 0 || !inFlight.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
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

  /**
   * No new check starts from now on; those in flight finish, and the states kept unwritten are written (see
   * {@link #awaitIdle}, which waits for both).
   */
  public void pause() {
    synchronized (lock) {
      paused = true;
    }
    writeUnwritten(s -> true);
  }

  /** Writes the kept states of the mine articles that {@code which} selects, each a write in flight until acked. */
  private void writeUnwritten(java.util.function.Predicate<ArticleState> which) {
    List<ArticleState> states = new ArrayList<>();
    List<Object> tokens = new ArrayList<>();
    synchronized (lock) {
      for (java.util.Iterator<String> it = unwritten.iterator(); it.hasNext(); ) {
        ArticleState s = book.mine(it.next()).orElse(null);
        if (s == null) {
          it.remove();
        } else if (which.test(s)) {
          it.remove();
          Object token = new Object();
          inFlight.put(token, s.feedUrl());
          states.add(s);
          tokens.add(token);
        }
      }
    }
    for (int i = 0; i < states.size(); i++) {
      Object token = tokens.get(i);
      counters.stateWrites.increment();
      publisher.saveState(states.get(i), () -> done(token));
    }
    if (!states.isEmpty()) {
      LOG.debug("Wrote {} article states kept since their unchanged checks", states.size());
    }
  }

  /** No new check starts from now on; those in flight are abandoned rather than reported. */
  public void stop() {
    stopping = true;
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  // ---- the dispatcher ------------------------------------------------------------------------------

  private void wake() {
    synchronized (lock) {
      wakeup = true;
      lock.notifyAll();
    }
  }

  private void dispatchLoop() {
    while (!stopping) {
      List<HostQueues.Start> starts = new ArrayList<>();
      List<String> disallowed = new ArrayList<>();
      synchronized (lock) {
        long waitMs = plan(starts, disallowed);
        if (starts.isEmpty() && disallowed.isEmpty() && !wakeup && !stopping) {
          try {
            lock.wait(waitMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        wakeup = false;
      }
      for (String id : disallowed) {
        processing.execute(() -> refuseByRobots(id));
      }
      for (HostQueues.Start start : starts) {
        try {
          if (start.job().startsWith(HostQueues.BARRIER)) {
            readRobots(start);
          } else {
            startCheck(start);
          }
        } catch (RuntimeException e) {
          LOG.error("Unexpected failure while starting {}", start.job(), e);
          finishSlot(start.host());
        }
      }
    }
  }

  /** Under the lock: moves due articles to their hosts and picks what starts now; returns how long to wait. */
  private long plan(List<HostQueues.Start> starts, List<String> disallowed) {
    if (paused) {
      return MAX_IDLE_MS;
    }
    Instant now = clock.instant();
    long nanos = nanoTime.getAsLong();
    Optional<Due> next;
    while ((next = due.pollDue(now)).isPresent()) {
      String id = next.get().articleId();
      ArticleState s = book.mine(id).orElse(null);
      if (s == null) {
        continue;
      }
      URI url = uri(s.url());
      if (url == null || url.getHost() == null) {
        LOG.warn("Article {} has no fetchable URL ({}); it is not checked again", id, s.url());
        continue;
      }
      String host = host(url);
      if (robotsApply(s)) {
        String site = RobotsCache.site(url);
        Optional<BaseRobotRules> rules = robots.rules(site, nanos);
        if (rules.isPresent() && !rules.get().isAllowed(url.toString())) {
          disallowed.add(id);
          continue;
        }
        if (rules.isEmpty() && robots.startRead(site, nanos)) {
          hosts.addFirst(host, HostQueues.BARRIER + site);
        }
      }
      hosts.add(host, id);
    }
    HostQueues.Picks picks = hosts.pick(nanos, maxChecks - running);
    running += picks.starts().size();
    starts.addAll(picks.starts());
    long waitMs = MAX_IDLE_MS;
    Optional<Instant> nextDue = due.peekTime();
    if (nextDue.isPresent()) {
      waitMs = Math.min(waitMs, Math.max(1, Duration.between(now, nextDue.get()).toMillis()));
    }
    if (picks.nextAt() != Long.MAX_VALUE && running < maxChecks) {
      waitMs = Math.min(waitMs, Math.max(1, TimeUnit.NANOSECONDS.toMillis(picks.nextAt() - nanos) + 1));
    }
    return waitMs;
  }

  private boolean allowedByRobots(URI url) {
    synchronized (lock) {
      return robots.rules(RobotsCache.site(url), nanoTime.getAsLong()).map(r -> r.isAllowed(url.toString()))
          .orElse(true);
    }
  }

  private boolean robotsApply(ArticleState s) {
    return !feedsWithoutRobots.contains(s.feedUrl());
  }

  /** Ends a check's slot: its host may take another request, the dispatcher another check. */
  private void finishSlot(String host) {
    synchronized (lock) {
      hosts.finished(host);
      running--;
      wakeup = true;
      lock.notifyAll();
    }
  }

  // ---- robots.txt ----------------------------------------------------------------------------------

  private void readRobots(HostQueues.Start start) {
    String site = start.job().substring(HostQueues.BARRIER.length());
    URI robotsUrl = URI.create(site + "/robots.txt");
    fetcher.fetch(robotsUrl, Map.of(), type -> true).whenCompleteAsync((response, error) -> {
      synchronized (lock) {
        long nanos = nanoTime.getAsLong();
        BaseRobotRules rules;
        if (error == null) {
          rules = robots.parsed(site, robotsUrl, response.body(), response.contentType(), nanos);
        } else {
          FetchException e = HttpFetcher.failure(robotsUrl, error);
          rules = e.reason() == FetchException.Reason.HTTP_STATUS && e.status() < 500
              ? robots.failed(site, e.status(), nanos)
              : robots.unreachable(site, nanos);
        }
        hosts.crawlDelay(start.host(), RobotsCache.crawlDelay(rules));
        hosts.hold(start.host(), false);
        if (!RobotsCache.crawlDelay(rules).isZero()) {
          LOG.info("{} asks for a Crawl-delay of {}; requests to {} keep that gap (at most {})", robotsUrl,
              RobotsCache.crawlDelay(rules), start.host(), HostQueues.MAX_CRAWL_DELAY);
        }
      }
      finishSlot(start.host());
    }, processing);
  }

  private void refuseByRobots(String id) {
    Object token = new Object();
    ArticleState before = begin(id, token);
    if (before == null) {
      return;
    }
    Instant now = clock.instant();
    ArticleChecks.Outcome outcome =
        ArticleChecks.afterFailure(before, schedule, ErrorKind.PAGE_ROBOTS_DISALLOWED, now);
    if (outcome.reportError()) {
      report(before, Diagnoses.robotsDisallowed(URI.create(before.url()), outcome.state().nextCheckAt(), now), now);
    }
    counters.failures.increment();
    save(outcome.state(), token);
  }

  // ---- one check -----------------------------------------------------------------------------------

  /** Registers a check in flight; null when the article is no longer this instance's. */
  private ArticleState begin(String id, Object token) {
    synchronized (lock) {
      ArticleState before = book.mine(id).orElse(null);
      if (before == null || stopping) {
        return null;
      }
      inFlight.put(token, before.feedUrl());
      return before;
    }
  }

  private void startCheck(HostQueues.Start start) {
    Object token = new Object();
    ArticleState before = begin(start.job(), token);
    if (before == null) {
      finishSlot(start.host());
      return;
    }
    URI url = uri(before.url());
    if (robotsApply(before) && !allowedByRobots(url)) {
      // Queued while its site's robots.txt was being read, which then turned out to forbid it.
      done(token);
      finishSlot(start.host());
      processing.execute(() -> refuseByRobots(before.articleId()));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(2);
    if (before.etag() != null) {
      headers.put("If-None-Match", before.etag());
    }
    if (before.lastModified() != null) {
      headers.put("If-Modified-Since", before.lastModified());
    }
    try {
      fetcher.fetch(url, headers, ContentTypes::mayBeHtml)
          .whenCompleteAsync((response, error) -> afterFetch(start.host(), before, token, url, response, error),
              processing);
      synchronized (lock) {
        hosts.sent(start.host(), nanoTime.getAsLong());
      }
    } catch (RuntimeException e) {
      done(token);
      throw e;
    }
  }

  private void afterFetch(String host, ArticleState before, Object token, URI url, FetchedResponse response,
      Throwable error) {
    boolean saving = false;
    try (MDC.MDCCloseable a = MDC.putCloseable("articleId", before.articleId());
        MDC.MDCCloseable f = MDC.putCloseable("feedUrl", before.feedUrl())) {
      FetchException failure = error == null ? null : HttpFetcher.failure(url, error);
      if (stopping) {
        // Shutting down: the check is handed back; it runs again after the restart.
        return;
      }
      counters.checks.increment();
      Optional<Removals.Answer> removed = failure == null ? Optional.empty() : Removals.of(failure);
      if (removed.isPresent()) {
        counters.failures.increment();
        saving = gone(before, url, removed.get(), failure, clock.instant(), token);
      } else if (failure != null) {
        saving = failed(before, url, failure, token);
      } else if (!Removals.samePage(before.pageUrl(), response.uri())) {
        int status = response.redirected() ? response.redirectStatus() : response.status();
        saving = gone(before, url, new Removals.Answer(LifecycleKind.MOVED, status, response.uri().toString()), null,
            response.receivedAt(), token);
      } else if (response.notModified()) {
        counters.notModified.increment();
        ArticleChecks.Outcome outcome =
            ArticleChecks.afterNotModified(before, schedule, response.receivedAt(), response.uri().toString());
        if (outcome.lifecycle() != null) {
          saving = publish(before, lifecycleEvent(before, response.receivedAt(), 304, outcome), outcome.state(), token);
        } else {
          saving = saveOrKeep(before, outcome.state(), token);
        }
      } else {
        saving = taken(before, url, response, token);
      }
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while checking article {}", before.articleId(), e);
      Instant now = clock.instant();
      ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, ErrorKind.INTERNAL, now);
      if (outcome.reportError()) {
        report(before, Diagnoses.unexpected("checking article " + before.articleId(), e), now);
      }
      saving = save(outcome.state(), token);
    } finally {
      if (!saving) {
        done(token);
      }
      finishSlot(host);
    }
  }

  /**
   * A removal-looking answer: a 404, 410 or 451 ({@code failure} set: reported once like any failure) or redirects
   * to another page. Publishes the removal or move once it is confirmed, then saves the state.
   */
  private boolean gone(ArticleState before, URI url, Removals.Answer answer, FetchException failure, Instant at,
      Object token) {
    ArticleChecks.Outcome outcome = ArticleChecks.afterGone(before, schedule, removal, answer,
        failure == null ? null : Diagnoses.pageKind(failure).kind(), at);
    if (outcome.reportError()) {
      report(before, Diagnoses.pageFetch(url, failure, outcome.state().nextCheckAt(), at), at);
    }
    if (outcome.lifecycle() == null) {
      ArticleState.Absence run = outcome.state().absence();
      LOG.debug("Page {} looks {} ({} in a row since {})", url, answer.kind(), run.answers(), run.since());
      return save(outcome.state(), token);
    }
    return publish(before, lifecycleEvent(before, at, answer.status(), outcome), outcome.state(), token);
  }

  /** A removal, move or restoration without a page: an empty body with the status that made it. */
  private static RawVersion lifecycleEvent(ArticleState before, Instant at, int status,
      ArticleChecks.Outcome outcome) {
    return new RawVersion(before.articleId(), before.url(), before.feedUrl(), at, status, null, Hashes.sha256(""),
        "", outcome.lifecycle());
  }

  private boolean failed(ArticleState before, URI url, FetchException e, Object token) {
    Instant now = clock.instant();
    counters.failures.increment();
    if (e.retryAfter().isPresent() && (e.status() == 429 || e.status() == 503)) {
      LOG.debug("Page {} answered {} with Retry-After {}", url, e.status(), e.retryAfter().get());
      return save(ArticleChecks.afterRetryLater(before, now.plus(max(e.retryAfter().get(), MIN_RETRY_AFTER)))
          .state(), token);
    }
    ArticleChecks.Outcome outcome = ArticleChecks.afterFailure(before, schedule, Diagnoses.pageKind(e), now);
    if (outcome.reportError()) {
      report(before, Diagnoses.pageFetch(url, e, outcome.state().nextCheckAt(), now), now);
    } else {
      LOG.debug("Page {} still failing: {}", url, e.getMessage());
    }
    return save(outcome.state(), token);
  }

  /** A 2xx body: sniffed, decoded, fingerprinted, published when its text changed. */
  private boolean taken(ArticleState before, URI url, FetchedResponse response, Object token) {
    ContentSniffer.Verdict verdict = ContentSniffer.sniff(response.contentType(), response.body());
    if (!verdict.html()) {
      String what = response.contentType() == null || ContentTypes.mediaType(response.contentType())
          .equals(verdict.type()) ? verdict.type() : verdict.type() + " (served as " + response.contentType() + ")";
      return failed(before, url, new FetchException(url, FetchException.Reason.UNACCEPTED_CONTENT_TYPE,
          response.status(), what, "the body is " + what, null), token);
    }
    counters.fullFetches.increment();
    String body = CharsetSniffer.decode(response.body(), response.contentType());
    String bodySha = Hashes.sha256(body);
    // The same body as the last one published has the same text; any other is extracted, and its text travels
    // with the raw version so the diff worker need not extract it again.
    ExtractedArticle article = bodySha.equals(before.lastPublishedSha256()) ? null
        : extractor.extract(body, before.url());
    String textSha = article == null ? before.textSha256() : TextFingerprint.of(article, bodySha);
    RawVersion version = new RawVersion(before.articleId(), before.url(), before.feedUrl(), response.receivedAt(),
        response.status(), response.contentType(), bodySha, body, null,
        article == null ? null : extractor.carried(article));
    ArticleChecks.Outcome outcome = ArticleChecks.afterFetch(before, schedule, version, textSha, response.etag(),
        response.lastModified(), response.uri().toString());
    if (outcome.lifecycle() != null) {
      version = version.withLifecycle(outcome.lifecycle());
    }
    if (outcome.recovered()) {
      LOG.info("Page {} fetched again after failing with {}", url, before.lastErrorKind());
    }
    if (!outcome.publish()) {
      if (!bodySha.equals(before.lastPublishedSha256())) {
        counters.unchangedText.increment();
      }
      return saveOrKeep(before, outcome.state(), token); // a re-rendered page with the same text, like a 304
    }
    byte[] encoded = Json.writeBytes(version);
    if (encoded.length > ENCODED_LIMIT) {
      Instant now = clock.instant();
      ArticleChecks.Outcome refused = ArticleChecks.afterFailure(before, schedule, ErrorKind.PAGE_TOO_LARGE, now);
      if (refused.reportError()) {
        report(before, Diagnoses.pageTooLargeEncoded(url, encoded.length, ENCODED_LIMIT,
            refused.state().nextCheckAt(), now), now);
      }
      return save(refused.state(), token);
    }
    return publish(before, version, encoded, outcome.state(), token);
  }

  /** Publishes a raw version (a page, a lifecycle event or both) and then saves the state that records it. */
  private boolean publish(ArticleState before, RawVersion version, ArticleState after, Object token) {
    return publish(before, version, Json.writeBytes(version), after, token);
  }

  private boolean publish(ArticleState before, RawVersion version, byte[] encoded, ArticleState after,
      Object token) {
    // Never continue on the producer's own I/O thread: a send from there can wait for metadata only it fetches.
    publisher.publishVersionAsync(before.articleId(), encoded).whenCompleteAsync((ok, e) -> {
      if (e == null) {
        counters.published.increment();
        if (version.lifecycle() != null) {
          RawVersion.Lifecycle l = version.lifecycle();
          LOG.info("Article {} {} ({}{}); published the lifecycle event", before.articleId(),
              l.kind().name().toLowerCase(java.util.Locale.ROOT), l.reason(),
              l.movedTo() == null ? "" : " to " + l.movedTo());
        } else {
          LOG.info("Published {} version of {} ({} chars, sha256 {})",
              before.lastPublishedSha256() == null ? "the first" : "a changed", before.articleId(),
              version.body().length(), version.bodySha256().substring(0, 12));
        }
        save(after, token);
        return;
      }
      if (!stopping) {
        LOG.error("{}; the article is fetched again in {} s", e.getMessage(), PUBLISH_RETRY.toSeconds());
        synchronized (lock) {
          if (book.owns(before.feedUrl())) {
            due.schedule(before.articleId(), clock.instant().plus(PUBLISH_RETRY));
          }
        }
      }
      done(token);
    }, processing);
    return true;
  }

  /**
   * Keeps the state, queues the next check while the article is this instance's, and writes the state; the
   * check in flight ends when Kafka acknowledged (or refused) the write.
   */
  private boolean save(ArticleState state, Object token) {
    synchronized (lock) {
      unwritten.remove(state.articleId());
      if (book.update(state) && state.nextCheckAt() != null) {
        due.schedule(state.articleId(), state.nextCheckAt());
        wakeup = true;
        lock.notifyAll();
      }
    }
    counters.stateWrites.increment();
    publisher.saveState(state, () -> done(token));
    return true;
  }

  /**
   * The state after an unchanged check (a 304, or a 200 whose text did not change): written now when {@link
   * StateWrites} says it must be, else kept.
   *
   * @return whether a write is under way (the check ends when it completes)
   */
  private boolean saveOrKeep(ArticleState before, ArticleState after, Object token) {
    return (StateWrites.mustWrite(before, after) || !keep(after)) && save(after, token);
  }

  /**
   * Keeps the state of an unchanged check and queues the next check without writing it yet ({@link StateWrites}),
   * unless the watcher is pausing (stopping), when nothing kept would be written any more.
   *
   * @return whether it was kept (the check ends now); false: write it
   */
  private boolean keep(ArticleState state) {
    synchronized (lock) {
      if (paused) {
        return false;
      }
      if (book.update(state) && state.nextCheckAt() != null) {
        unwritten.add(state.articleId());
        due.schedule(state.articleId(), state.nextCheckAt());
        wakeup = true;
        lock.notifyAll();
      }
    }
    counters.stateWritesKept.increment();
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

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String host(URI url) {
    return url == null || url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
  }
}
