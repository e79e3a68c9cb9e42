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
 * @param health when a stale or failing feed, or a lagging instance, is reported, and how often feed status is
 *     written
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
    WebSub websub,
    Health health) {

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
      IngestKeys.REMOVAL_AFTER.check(after);
      IngestKeys.REMOVAL_CHECKS.check(checks);
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
      IngestKeys.GEOMETRIC_FIRST.check(first);
      IngestKeys.GEOMETRIC_FACTOR.check(factor);
      IngestKeys.GEOMETRIC_RETIRE_AFTER.check(retireAfter);
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

  /**
   * When checks that stop become alerts ({@code ingest.stale-after}, {@code ingest.failing-after}, {@code
   * ingest.lag-after}) and how often each feed's status is written ({@code ingest.status-interval}). Zero turns
   * a detection off.
   *
   * @param staleAfter a feed that listed no new item for longer than this (and than four times its own usual gap
   *     between new items) is stale (default 1d)
   * @param failingAfter a feed whose polls have all failed for longer than this is failing (default 1h)
   * @param lagAfter an instance whose oldest due article check has waited longer than this is lagging (default 15m)
   * @param statusInterval the longest time between two writes of a feed's status on {@code newsdelta.feeds.status}
   *     while nothing changes (default 1m; each change is written at once)
   */
  public record Health(Duration staleAfter, Duration failingAfter, Duration lagAfter, Duration statusInterval) {
    /** The defaults: a day, an hour, 15 minutes, a minute. */
    public static final Health DEFAULT =
        new Health(Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(1));

    public Health {
      Check.notNegative("ingest.stale-after", staleAfter);
      Check.notNegative("ingest.failing-after", failingAfter);
      Check.notNegative("ingest.lag-after", lagAfter);
      Check.positive("ingest.status-interval", statusInterval);
    }
  }

  /** The defaults of every {@code ingest.*} key, no feeds (as an empty config file gives). */
  public static IngestConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults of every {@code ingest.*} key. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings (to change a few of them). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This configuration with other WebSub settings. */
  public IngestConfig withWebSub(WebSub websub) {
    return toBuilder().websub(websub).build();
  }

  /** These settings with other feed-health thresholds. */
  public IngestConfig withHealth(Health health) {
    return toBuilder().health(health).build();
  }

  /**
   * Settings built a few at a time, starting from the keys' defaults ({@link IngestKeys}) or from a config; {@link
   * #build()} checks them as the canonical constructor does.
   */
  public static final class Builder {
    private List<FeedConfig> feeds = IngestKeys.FEEDS.defaultValue();
    private Duration feedPollInterval = IngestKeys.FEED_POLL_INTERVAL.defaultValue();
    private List<Duration> articleRecheck = IngestKeys.ARTICLE_RECHECK.defaultValue();
    private Duration fetchTimeout = IngestKeys.FETCH_TIMEOUT.defaultValue();
    private int maxPageBytes = IngestKeys.MAX_PAGE_BYTES.defaultValue();
    private String userAgent = IngestKeys.USER_AGENT.defaultValue();
    private int fetchConcurrency = IngestKeys.FETCH_CONCURRENCY.defaultValue();
    private int hostConcurrency = IngestKeys.HOST_CONCURRENCY.defaultValue();
    private Duration hostMinGap = IngestKeys.HOST_MIN_GAP.defaultValue();
    private List<HostLimit> hosts = IngestKeys.HOSTS.defaultValue();
    private Duration robotsTtl = IngestKeys.ROBOTS_TTL.defaultValue();
    private Duration catchUpWindow = IngestKeys.CATCH_UP_WINDOW.defaultValue();
    private Removal removal = Removal.DEFAULT;
    private GeometricRecheck geometricRecheck = GeometricRecheck.DEFAULT;
    private Duration sitemapMaxAge = IngestKeys.SITEMAP_MAX_AGE.defaultValue();
    private WebSub websub = WebSub.OFF;
    private Health health = Health.DEFAULT;

    private Builder() {}

    private Builder(IngestConfig c) {
      feeds = c.feeds;
      feedPollInterval = c.feedPollInterval;
      articleRecheck = c.articleRecheck;
      fetchTimeout = c.fetchTimeout;
      maxPageBytes = c.maxPageBytes;
      userAgent = c.userAgent;
      fetchConcurrency = c.fetchConcurrency;
      hostConcurrency = c.hostConcurrency;
      hostMinGap = c.hostMinGap;
      hosts = c.hosts;
      robotsTtl = c.robotsTtl;
      catchUpWindow = c.catchUpWindow;
      removal = c.removal;
      geometricRecheck = c.geometricRecheck;
      sitemapMaxAge = c.sitemapMaxAge;
      websub = c.websub;
      health = c.health;
    }

    public Builder feeds(List<FeedConfig> v) {
      feeds = v;
      return this;
    }

    public Builder feedPollInterval(Duration v) {
      feedPollInterval = v;
      return this;
    }

    public Builder articleRecheck(List<Duration> v) {
      articleRecheck = v;
      return this;
    }

    public Builder fetchTimeout(Duration v) {
      fetchTimeout = v;
      return this;
    }

    public Builder maxPageBytes(int v) {
      maxPageBytes = v;
      return this;
    }

    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    public Builder fetchConcurrency(int v) {
      fetchConcurrency = v;
      return this;
    }

    public Builder hostConcurrency(int v) {
      hostConcurrency = v;
      return this;
    }

    public Builder hostMinGap(Duration v) {
      hostMinGap = v;
      return this;
    }

    public Builder hosts(List<HostLimit> v) {
      hosts = v;
      return this;
    }

    public Builder robotsTtl(Duration v) {
      robotsTtl = v;
      return this;
    }

    public Builder catchUpWindow(Duration v) {
      catchUpWindow = v;
      return this;
    }

    public Builder removal(Removal v) {
      removal = v;
      return this;
    }

    public Builder geometricRecheck(GeometricRecheck v) {
      geometricRecheck = v;
      return this;
    }

    public Builder sitemapMaxAge(Duration v) {
      sitemapMaxAge = v;
      return this;
    }

    public Builder websub(WebSub v) {
      websub = v;
      return this;
    }

    public Builder health(Health v) {
      health = v;
      return this;
    }

    /** The settings, checked; a bad value throws {@link ConfigException} naming its key. */
    public IngestConfig build() {
      return new IngestConfig(feeds, feedPollInterval, articleRecheck, fetchTimeout, maxPageBytes, userAgent,
          fetchConcurrency, hostConcurrency, hostMinGap, hosts, robotsTtl, catchUpWindow, removal, geometricRecheck,
          sitemapMaxAge, websub, health);
    }
  }

  public IngestConfig {
    feeds = List.copyOf(feeds);
    articleRecheck = List.copyOf(articleRecheck);
    hosts = List.copyOf(hosts);
    IngestKeys.FEED_POLL_INTERVAL.check(feedPollInterval);
    for (int i = 0; i < articleRecheck.size(); i++) {
      Check.positive("ingest.article-recheck[" + i + "]", articleRecheck.get(i));
    }
    IngestKeys.FETCH_TIMEOUT.check(fetchTimeout);
    IngestKeys.MAX_PAGE_BYTES.check(maxPageBytes);
    IngestKeys.USER_AGENT.check(userAgent);
    IngestKeys.FETCH_CONCURRENCY.check(fetchConcurrency);
    IngestKeys.HOST_CONCURRENCY.check(hostConcurrency);
    IngestKeys.HOST_MIN_GAP.check(hostMinGap);
    IngestKeys.ROBOTS_TTL.check(robotsTtl);
    IngestKeys.CATCH_UP_WINDOW.check(catchUpWindow);
    removal = removal == null ? Removal.DEFAULT : removal;
    Objects.requireNonNull(geometricRecheck, "ingest.geometric-recheck");
    IngestKeys.SITEMAP_MAX_AGE.check(sitemapMaxAge);
    websub = websub == null ? WebSub.OFF : websub;
    health = health == null ? Health.DEFAULT : health;
    Set<String> seen = new HashSet<>();
    for (HostLimit h : hosts) {
      Objects.requireNonNull(h, "ingest.hosts[]");
      if (!seen.add(h.host())) {
        throw ConfigException.badValue("ingest.hosts", h.host(), "each host at most once");
      }
    }
  }
}
