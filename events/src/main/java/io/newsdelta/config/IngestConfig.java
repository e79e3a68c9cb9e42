package io.newsdelta.config;

import io.newsdelta.events.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The ingest service's settings.
 *
 * @param feeds the feeds to poll
 * @param feedPollInterval how often each feed is polled
 * @param articleRecheck the gaps between re-fetches of an article after it was first seen; then no more
 * @param fetchTimeout the total time allowed for one HTTP exchange: connect, headers and the whole body
 * @param maxPageBytes pages larger than this (after decompression) are refused with an error event; at most
 *     {@link #MAX_PAGE_BYTES}, so that any page kept fits the raw topic once encoded as JSON
 * @param userAgent the User-Agent sent with every request (a name for the crawler with a contact URL)
 * @param fetchConcurrency checks (fetch and processing) in flight at once over all hosts
 * @param hostConcurrency requests in flight at once to one host, unless {@code hosts} says otherwise
 * @param hostMinGap the least time between the starts of two requests to one host, unless {@code hosts}
 *     says otherwise (a robots.txt Crawl-delay can make it longer)
 * @param hosts per-host overrides of the two limits above
 * @param robotsTtl how long a host's robots.txt rules are kept before they are fetched again
 * @param catchUpWindow the longest a restart spreads the checks that fell due while ingest was down
 * @param removal when a tracked article that stopped answering its page counts as removed or moved
 * @param geometricRecheck News Sniffer's schedule, for the feeds with {@code schedule: geometric}
 * @param sitemapMaxAge entries of a sitemap dated (news publication date, else lastmod) longer ago than this
 *     are not tracked, so a sitemap of a whole site's archive does not make ingest fetch the archive; undated
 *     entries are tracked
 * @param websub WebSub subscriptions to the hubs feeds advertise ({@code ingest.websub.*}); off by default
 */
public record IngestConfig(
    List<FeedConfig> feeds,
    Duration feedPollInterval,
    List<Duration> articleRecheck,
    Duration fetchTimeout,
    int maxPageBytes,
    String userAgent,
    int fetchConcurrency,
    int hostConcurrency,
    Duration hostMinGap,
    List<HostLimit> hosts,
    Duration robotsTtl,
    Duration catchUpWindow,
    Removal removal,
    GeometricRecheck geometricRecheck,
    Duration sitemapMaxAge,
    WebSub websub) {

  /** Room left in a raw-topic message for the fields, headers and record overhead around the body. */
  public static final int ENVELOPE_HEADROOM = 64 * 1024;

  /**
   * The largest {@code ingest.max-page-bytes}: a decoded body can grow up to three times once encoded (an
   * invalid byte becomes U+FFFD, three UTF-8 bytes), and the record must still fit {@link
   * Topics#MAX_MESSAGE_BYTES}.
   */
  public static final int MAX_PAGE_BYTES = (Topics.MAX_MESSAGE_BYTES - ENVELOPE_HEADROOM) / 3;

  /** Default of {@code ingest.max-page-bytes}: 5 MiB. */
  public static final int DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;

  /**
   * Limits for one host ({@code ingest.hosts[]}).
   *
   * @param host the host name, lower case; also applies to its subdomains
   * @param concurrency requests in flight at once
   * @param minGap least time between the starts of two requests
   */
  public record HostLimit(String host, int concurrency, Duration minGap) {
    public HostLimit {
      host = Check.notBlank("ingest.hosts[].host", host, "a host name such as www.example.com")
          .trim().toLowerCase(Locale.ROOT);
      Check.range("ingest.hosts[" + host + "].concurrency", concurrency, 1, 64);
      Check.notNegative("ingest.hosts[" + host + "].min-gap", minGap);
    }
  }

  /**
   * When an article counts as removed or moved ({@code ingest.removal-after}, {@code ingest.removal-checks}):
   * after consecutive removal-looking answers (404, 410, 451, or redirects to another URL) spanning at least
   * {@code after}, and at least {@code checks} of them. Transient failures (5xx, timeouts, resets) never count.
   *
   * @param after the least time from the first such answer to the one that confirms the removal
   * @param checks the least number of consecutive such answers
   */
  public record Removal(Duration after, int checks) {
    /** The defaults: an hour, two answers. */
    public static final Removal DEFAULT = new Removal(Duration.ofHours(1), 2);

    public Removal {
      Check.notNegative("ingest.removal-after", after);
      Check.range("ingest.removal-checks", checks, 1, 100);
    }
  }

  /**
   * News Sniffer's schedule ({@code ingest.geometric-recheck.*}): the first re-check {@code first} after the
   * article was first seen; after a check that found the text unchanged the gap grows by {@code factor}, after
   * one that found it changed it is {@code first} again; once the gap would pass {@code retireAfter}, the
   * article is retired (no more checks).
   *
   * @param first the first gap, and the gap after a change (default 30m)
   * @param factor how much each unchanged check lengthens the gap, from 1.01 to 10 (default 1.2)
   * @param retireAfter the longest gap; an article whose next gap is longer is retired (default 40d)
   */
  public record GeometricRecheck(Duration first, double factor, Duration retireAfter) {
    /** News Sniffer's own numbers: 30 minutes, × 1.2, 40 days. */
    public static final GeometricRecheck DEFAULT =
        new GeometricRecheck(Duration.ofMinutes(30), 1.2, Duration.ofDays(40));

    public GeometricRecheck {
      Check.positive("ingest.geometric-recheck.first", first);
      if (!(factor >= 1.01 && factor <= 10)) {
        throw ConfigException.badValue("ingest.geometric-recheck.factor", factor, "a number from 1.01 to 10");
      }
      Check.positive("ingest.geometric-recheck.retire-after", retireAfter);
      if (retireAfter.compareTo(first) < 0) {
        throw ConfigException.badValue("ingest.geometric-recheck.retire-after", retireAfter,
            "a duration at least ingest.geometric-recheck.first (" + first + ")");
      }
    }
  }

  /**
   * WebSub ({@code ingest.websub.*}): where a feed advertises a hub and a public callback base URL is set, ingest
   * subscribes to the hub, polls the feed at once on each signed push, and polls it only every {@code
   * pollInterval} while the subscription is live.
   *
   * @param callbackBaseUrl the public http(s) URL the hub reaches this instance's callback server at (the
   *     callback of a feed is this + {@code /websub/<id>}); null: WebSub off
   * @param bind the address the callback server listens on
   * @param port its port, 1 to 65535 (0: a free port, for tests)
   * @param lease the lease asked of the hub ({@code hub.lease_seconds}); renewed before it ends
   * @param pollInterval how often a feed with a live subscription is still polled, as a safety net
   */
  public record WebSub(URI callbackBaseUrl, String bind, int port, Duration lease, Duration pollInterval) {
    /** WebSub off. */
    public static final WebSub OFF = new WebSub(null, "127.0.0.1", 8090, Duration.ofDays(7), Duration.ofMinutes(15));

    public WebSub {
      if (callbackBaseUrl != null) {
        Check.httpUrl("ingest.websub.callback-base-url", callbackBaseUrl);
        if (callbackBaseUrl.getRawQuery() != null || callbackBaseUrl.getRawFragment() != null) {
          throw ConfigException.badValue("ingest.websub.callback-base-url", callbackBaseUrl,
              "an http(s) URL without query or fragment, such as https://ingest.example.org");
        }
      }
      Check.notBlank("ingest.websub.bind", bind, "an address to listen on, such as 0.0.0.0 or 127.0.0.1");
      Check.range("ingest.websub.port", port, 0, 65535);
      Check.positive("ingest.websub.lease", lease);
      if (lease.compareTo(Duration.ofMinutes(5)) < 0 || lease.compareTo(Duration.ofDays(365)) > 0) {
        throw ConfigException.badValue("ingest.websub.lease", lease, "a duration from 5m to 365d");
      }
      Check.positive("ingest.websub.poll-interval", pollInterval);
    }

    /** Whether subscriptions are made at all. */
    public boolean enabled() {
      return callbackBaseUrl != null;
    }
  }

  /** The settings before WebSub, with WebSub off. */
  public IngestConfig(
      List<FeedConfig> feeds,
      Duration feedPollInterval,
      List<Duration> articleRecheck,
      Duration fetchTimeout,
      int maxPageBytes,
      String userAgent,
      int fetchConcurrency,
      int hostConcurrency,
      Duration hostMinGap,
      List<HostLimit> hosts,
      Duration robotsTtl,
      Duration catchUpWindow,
      Removal removal,
      GeometricRecheck geometricRecheck,
      Duration sitemapMaxAge) {
    this(feeds, feedPollInterval, articleRecheck, fetchTimeout, maxPageBytes, userAgent, fetchConcurrency,
        hostConcurrency, hostMinGap, hosts, robotsTtl, catchUpWindow, removal, geometricRecheck, sitemapMaxAge,
        WebSub.OFF);
  }

  /** This configuration with other WebSub settings. */
  public IngestConfig withWebSub(WebSub websub) {
    return new IngestConfig(feeds, feedPollInterval, articleRecheck, fetchTimeout, maxPageBytes, userAgent,
        fetchConcurrency, hostConcurrency, hostMinGap, hosts, robotsTtl, catchUpWindow, removal, geometricRecheck,
        sitemapMaxAge, websub);
  }

  /** The settings before removal detection and discovery (issue 12), with their defaults. */
  public IngestConfig(
      List<FeedConfig> feeds,
      Duration feedPollInterval,
      List<Duration> articleRecheck,
      Duration fetchTimeout,
      int maxPageBytes,
      String userAgent,
      int fetchConcurrency,
      int hostConcurrency,
      Duration hostMinGap,
      List<HostLimit> hosts,
      Duration robotsTtl,
      Duration catchUpWindow) {
    this(feeds, feedPollInterval, articleRecheck, fetchTimeout, maxPageBytes, userAgent, fetchConcurrency,
        hostConcurrency, hostMinGap, hosts, robotsTtl, catchUpWindow, Removal.DEFAULT, GeometricRecheck.DEFAULT,
        Duration.ofDays(2));
  }

  /** The settings of earlier releases, with defaults for the politeness settings added since. */
  public IngestConfig(
      List<FeedConfig> feeds,
      Duration feedPollInterval,
      List<Duration> articleRecheck,
      Duration fetchTimeout,
      int maxPageBytes,
      String userAgent,
      int fetchConcurrency) {
    this(feeds, feedPollInterval, articleRecheck, fetchTimeout, maxPageBytes, userAgent, fetchConcurrency, 4,
        Duration.ofMillis(250), List.of(), Duration.ofHours(1), Duration.ofMinutes(5));
  }

  public IngestConfig {
    feeds = List.copyOf(feeds);
    articleRecheck = List.copyOf(articleRecheck);
    hosts = List.copyOf(hosts);
    Check.positive("ingest.feed-poll-interval", feedPollInterval);
    for (int i = 0; i < articleRecheck.size(); i++) {
      Check.positive("ingest.article-recheck[" + i + "]", articleRecheck.get(i));
    }
    Check.positive("ingest.fetch-timeout", fetchTimeout);
    if (maxPageBytes < 1024 || maxPageBytes > MAX_PAGE_BYTES) {
      throw ConfigException.badValue("ingest.max-page-bytes", maxPageBytes,
          "a whole number from 1024 to " + MAX_PAGE_BYTES + " (the raw topic takes " + Topics.MAX_MESSAGE_BYTES
              + "-byte messages and a page can grow three times once encoded)");
    }
    Check.notBlank("ingest.user-agent", userAgent, "a name for the crawler with a contact URL");
    Check.range("ingest.fetch-concurrency", fetchConcurrency, 1, 4096);
    Check.range("ingest.host-concurrency", hostConcurrency, 1, 64);
    Check.notNegative("ingest.host-min-gap", hostMinGap);
    Check.positive("ingest.robots-ttl", robotsTtl);
    Check.notNegative("ingest.catch-up-window", catchUpWindow);
    removal = removal == null ? Removal.DEFAULT : removal;
    Objects.requireNonNull(geometricRecheck, "ingest.geometric-recheck");
    Check.positive("ingest.sitemap-max-age", sitemapMaxAge);
    websub = websub == null ? WebSub.OFF : websub;
    Set<String> seen = new HashSet<>();
    for (HostLimit h : hosts) {
      Objects.requireNonNull(h, "ingest.hosts[]");
      if (!seen.add(h.host())) {
        throw ConfigException.badValue("ingest.hosts", h.host(), "each host at most once");
      }
    }
  }
}
