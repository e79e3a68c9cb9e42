package io.newsdelta.ingest.discover;

import io.newsdelta.extract.CharsetSniffer;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches a site's page and its robots.txt with ingest's {@link HttpFetcher} (its User-Agent, timeout and size
 * limit) and lists what they advertise ({@link Advertisements}). The page must answer: a site that cannot be
 * reached is a {@link FetchException}. A robots.txt that is missing or fails only means no sitemaps are
 * advertised there, which the result says.
 */
public final class SiteDiscoverer {
  private final HttpFetcher fetcher;

  public SiteDiscoverer(HttpFetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /**
   * What a site advertises.
   *
   * @param page the page fetched (after redirects)
   * @param robotsUrl the robots.txt read
   * @param found the feeds of the page, then the sitemaps of robots.txt
   * @param robotsProblem why robots.txt gave nothing (for example "HTTP 404"), or null when it was read
   */
  public record Discovery(URI page, URI robotsUrl, List<Advertised> found, String robotsProblem) {
    public Discovery {
      found = List.copyOf(found);
    }
  }

  /**
   * Lists the feeds and sitemaps {@code site} advertises.
   *
   * @param site the page to read (a home page, a section front)
   * @throws FetchException when the page cannot be fetched
   */
  public Discovery discover(URI site) throws FetchException {
    FetchedResponse page = fetcher.get(site, Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"),
        type -> true);
    List<Advertised> found = new ArrayList<>(
        Advertisements.feeds(CharsetSniffer.decode(page.body(), page.contentType()), page.uri()));
    URI robotsUrl = page.uri().resolve("/robots.txt");
    String robotsProblem = null;
    try {
      FetchedResponse robots = fetcher.get(robotsUrl, Map.of(), type -> true);
      found.addAll(Advertisements.sitemaps(robots.body(), robots.uri()));
    } catch (FetchException e) {
      robotsProblem = e.reason() == FetchException.Reason.HTTP_STATUS ? "HTTP " + e.status() : e.detail();
    }
    return new Discovery(page.uri(), robotsUrl, found, robotsProblem);
  }
}
