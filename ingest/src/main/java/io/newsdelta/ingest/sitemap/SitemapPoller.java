package io.newsdelta.ingest.sitemap;

import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.error.Diagnoses;
import io.newsdelta.ingest.error.Diagnosis;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.error.ErrorReporter;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.ArticleSink;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import io.newsdelta.ingest.poll.SourcePoller;
import io.newsdelta.ingest.sitemap.ParsedSitemap.Child;
import io.newsdelta.ingest.sitemap.ParsedSitemap.Page;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Polls one registered sitemap: a conditional GET of the sitemap; a sitemap's pages go to the {@link
 * ArticleSink} as a feed's entries do, attributed to the registered URL; an index's sitemaps are fetched in turn
 * (each with its own conditional GET, the newest {@value #MAX_SITEMAPS} of them, an index inside an index
 * followed once), also when the index itself answered 304, since a child can change without its index. Pages
 * dated longer ago than {@code maxAge} are skipped, so a sitemap of a whole archive does not make ingest fetch the
 * archive. A failure of one document is reported once when it starts (or changes kind) and stops nothing else;
 * its recovery is logged.
 */
public final class SitemapPoller implements SourcePoller {
  /** Sitemaps of an index fetched at each poll, newest first: news sitemap indexes list years of archives. */
  public static final int MAX_SITEMAPS = 50;
  /** An index may list indexes (not in the protocol, but seen); deeper ones are not followed. */
  private static final int MAX_DEPTH = 2;
  private static final Logger LOG = LoggerFactory.getLogger(SitemapPoller.class);

  private final URI sitemapUrl;
  private final HttpFetcher fetcher;
  private final ErrorReporter errors;
  private final ArticleSink sink;
  private final Clock clock;
  private final Duration maxAge;
  private final BooleanSupplier stopping;
  /** Per document: the validators of its last 200, the sitemaps it listed when an index, what it fails with. */
  private final Map<URI, Document> documents = new ConcurrentHashMap<>();

  /** What is kept of one document between polls. */
  private static final class Document {
    String etag;
    String lastModified;
    List<URI> children = List.of();
    ErrorKind failing;
  }

  /** What one document's fetch gave: its outcome and the sitemaps to fetch next. */
  private record Step(Outcome outcome, List<URI> children) {}

  /**
   * @param sitemapUrl the registered sitemap
   * @param fetcher the HTTP client
   * @param errors where failures are reported
   * @param sink where the pages go
   * @param clock stamps error events and dates the age limit
   * @param maxAge pages dated longer ago are skipped ({@code ingest.sitemap-max-age})
   * @param stopping true once the service shuts down: a fetch interrupted then is not an error
   */
  public SitemapPoller(URI sitemapUrl, HttpFetcher fetcher, ErrorReporter errors, ArticleSink sink, Clock clock,
      Duration maxAge, BooleanSupplier stopping) {
    this.sitemapUrl = sitemapUrl;
    this.fetcher = fetcher;
    this.errors = errors;
    this.sink = sink;
    this.clock = clock;
    this.maxAge = maxAge;
    this.stopping = stopping;
  }

  @Override
  public URI feedUrl() {
    return sitemapUrl;
  }

  /** The outcome is the registered document's; the sitemaps of an index are fetched before it completes. */
  @Override
  public CompletableFuture<Outcome> pollAsync(Executor parsing) {
    return visit(sitemapUrl, 0, parsing, ConcurrentHashMap.newKeySet());
  }

  private CompletableFuture<Outcome> visit(URI url, int depth, Executor parsing, Set<URI> visited) {
    if (!visited.add(url)) {
      return CompletableFuture.completedFuture(Outcome.NOT_MODIFIED);
    }
    Document doc = documents.computeIfAbsent(url, u -> new Document());
    Map<String, String> headers = new LinkedHashMap<>();
    synchronized (doc) {
      if (doc.etag != null) {
        headers.put("If-None-Match", doc.etag);
      }
      if (doc.lastModified != null) {
        headers.put("If-Modified-Since", doc.lastModified);
      }
    }
    CompletableFuture<FetchedResponse> fetched;
    try {
      fetched = fetcher.fetch(url, headers, type -> true);
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    return fetched.handleAsync((response, error) -> {
      try (MDC.MDCCloseable ignored = MDC.putCloseable("feedUrl", sitemapUrl.toString())) {
        return answered(url, doc, response, error);
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure while polling sitemap {}", url, e);
        fail(url, doc, Diagnoses.unexpected("polling sitemap " + url, e));
        return new Step(Outcome.FAILED, List.of());
      }
    }, parsing).thenCompose(step -> {
      if (step.children().isEmpty() || depth + 1 > MAX_DEPTH || stopping.getAsBoolean()) {
        return CompletableFuture.completedFuture(step.outcome());
      }
      CompletableFuture<?>[] children = step.children().stream()
          .map(child -> visit(child, depth + 1, parsing, visited)).toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(children).thenApply(v -> step.outcome());
    });
  }

  private Step answered(URI url, Document doc, FetchedResponse response, Throwable error) {
    synchronized (doc) {
      if (error != null) {
        if (!stopping.getAsBoolean()) {
          fail(url, doc, Diagnoses.feedFetch(url, HttpFetcher.failure(url, error)));
        }
        // The sitemaps an index listed last time are still polled: one failing index stops no sitemap.
        return new Step(Outcome.FAILED, doc.children);
      }
      if (response.notModified()) {
        LOG.debug("Sitemap {} not modified", url);
        recovered(url, doc);
        return new Step(Outcome.NOT_MODIFIED, doc.children);
      }
      ParsedSitemap parsed;
      try {
        parsed = SitemapReader.parse(response.body(), response.uri());
      } catch (SitemapParseException e) {
        fail(url, doc, new Diagnosis(ErrorKind.SITEMAP_INVALID, "Sitemap " + url + " cannot be read ("
            + e.getMessage() + "); check that the URL in feeds[] of newsdelta.yml with kind: sitemap is a sitemap "
            + "(XML, text or .xml.gz), not a web page; the other feeds and sitemaps go on"));
        return new Step(Outcome.FAILED, doc.children);
      }
      List<URI> next = List.of();
      if (parsed.index()) {
        next = parsed.sitemaps().stream().limit(MAX_SITEMAPS).map(Child::url).toList();
        // A sitemap the index no longer lists is forgotten (validators and all): what is kept stays bounded.
        for (URI gone : doc.children) {
          if (!next.contains(gone) && !gone.equals(sitemapUrl)) {
            documents.remove(gone);
          }
        }
        doc.children = next;
        LOG.debug("Sitemap index {} lists {} sitemaps", url, parsed.sitemaps().size());
      } else {
        handOn(url, parsed.pages());
      }
      // Validators are kept only once every page was handed on, so a document that failed half-way is fetched
      // in full again rather than answered with 304.
      doc.etag = response.etag();
      doc.lastModified = response.lastModified();
      recovered(url, doc);
      return new Step(Outcome.PARSED, next);
    }
  }

  private void handOn(URI url, List<Page> pages) {
    Instant oldest = clock.instant().minus(maxAge);
    int skipped = 0;
    List<URI> taken = new ArrayList<>();
    for (Page page : pages) {
      if (page.date() != null && page.date().isBefore(oldest)) {
        skipped++;
      } else {
        taken.add(page.url());
      }
    }
    LOG.debug("Sitemap {} lists {} pages ({} older than {} skipped)", url, pages.size(), skipped, maxAge);
    for (URI page : taken) {
      sink.found(page, sitemapUrl);
    }
  }

  private void fail(URI url, Document doc, Diagnosis diagnosis) {
    if (diagnosis.kind() == doc.failing) {
      LOG.debug("Sitemap {} still failing: {}", url, diagnosis.message());
      return;
    }
    doc.failing = diagnosis.kind();
    errors.report(new IngestError(sitemapUrl.toString(), url.equals(sitemapUrl) ? null : url.toString(),
        clock.instant(), diagnosis.kind().kind(), diagnosis.message()));
  }

  private void recovered(URI url, Document doc) {
    if (doc.failing != null) {
      LOG.info("Sitemap {} works again (it failed with {})", url, doc.failing);
      doc.failing = null;
    }
  }

  /** The documents polled so far, for tests: each URL with the number of sitemaps it listed. */
  Map<URI, Integer> documents() {
    Map<URI, Integer> all = new HashMap<>();
    documents.forEach((u, d) -> all.put(u, d.children.size()));
    return all;
  }
}
