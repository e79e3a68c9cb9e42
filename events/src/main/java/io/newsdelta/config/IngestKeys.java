package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code feeds} and {@code ingest.*} keys and how they make {@link IngestConfig}. */
public final class IngestKeys {
  static final String URL_ALLOWED = "an absolute http(s) URL such as https://example.com/rss.xml";

  public static final Key<List<FeedConfig>> FEEDS = Key.of("feeds",
      Type.structured("a list of feeds, each a URL or {url, name, robots, kind, schedule}", Type.Env.LIST,
          IngestKeys::feeds), List.of(),
      "list of feed URLs, or `{url, name, robots, kind, schedule}`; `robots: false` lets ingest fetch that feed's "
          + "pages even where robots.txt forbids it (default `true`); `kind`: `feed` (RSS, Atom or OPML; the "
          + "default) or `sitemap` (see Sitemaps below); `schedule`: `gaps` (the default: "
          + "`ingest.article-recheck`) or `geometric` (News Sniffer's schedule: `ingest.geometric-recheck`)");
  public static final Key<Duration> FEED_POLL_INTERVAL = Key.of("ingest.feed-poll-interval", Type.duration(),
      Duration.ofMinutes(5), "how often each feed is polled (conditional GET). Durations: `500ms`, `30s`, `5m`, "
          + "`2h`, `7d`");
  public static final Key<List<Duration>> ARTICLE_RECHECK = Key.of("ingest.article-recheck",
      Type.listOf(Type.duration(), null),
      List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
          Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48),
          Duration.ofDays(7)),
      "gaps between re-fetches of an article: the first comes the first gap after it was first seen, each next "
          + "one the next gap after the previous check; after the last, no more checks");
  public static final Key<Duration> FETCH_TIMEOUT = Key.of("ingest.fetch-timeout", Type.duration(),
      Duration.ofSeconds(30), "total time allowed for one HTTP exchange: connect, headers and the whole body, "
          + "redirects included");
  public static final Key<Integer> MAX_PAGE_BYTES = Key.of("ingest.max-page-bytes",
      Type.integer(1024, IngestConfig.MAX_PAGE_BYTES, "a whole number from 1024 to " + IngestConfig.MAX_PAGE_BYTES
          + " (the raw topic takes " + io.newsdelta.events.Topics.MAX_MESSAGE_BYTES
          + "-byte messages and a page can grow three times once encoded)"),
      IngestConfig.DEFAULT_MAX_PAGE_BYTES,
      "larger pages (counted after gzip/deflate decoding) are refused with a `page-too-large` event; at most "
          + IngestConfig.MAX_PAGE_BYTES + ", so any page kept fits one 16 MiB message of the raw topic once "
          + "encoded as JSON (a larger value stops start-up)");
  public static final Key<String> USER_AGENT = Key.of("ingest.user-agent",
      Type.text("a name for the crawler with a contact URL", s -> !s.isBlank()),
      "newsdelta/0.1 (+https://github.com/newsdelta/newsdelta)",
      "User-Agent of every request; name your crawler and give a contact URL. Its first word (before `/`) is the "
          + "robot name matched in robots.txt");
  public static final Key<Integer> FETCH_CONCURRENCY = Key.of("ingest.fetch-concurrency", Type.integer(1, 4096),
      256, "article checks in flight at once over all hosts (request and processing)");
  public static final Key<Integer> HOST_CONCURRENCY = Key.of("ingest.host-concurrency", Type.integer(1, 64), 4,
      "requests in flight at once to one host");
  public static final Key<Duration> HOST_MIN_GAP = Key.of("ingest.host-min-gap", Type.gap(),
      Duration.ofMillis(250), "least time between the starts of two requests to one host (`0` for none); a "
          + "robots.txt `Crawl-delay` makes it longer (up to 30 s)");
  public static final Key<List<IngestConfig.HostLimit>> HOSTS = Key.of("ingest.hosts",
      Type.structured("a list of {host, concurrency, min-gap} (concurrency and min-gap optional)", Type.Env.JSON,
          IngestKeys::hostLimits), List.of(),
      "per-host overrides `{host, concurrency, min-gap}`; a host also covers its subdomains, the most specific "
          + "entry wins");
  public static final Key<Duration> ROBOTS_TTL = Key.of("ingest.robots-ttl", Type.duration(), Duration.ofHours(1),
      "how long a site's robots.txt rules are kept before it is read again");
  public static final Key<Duration> REMOVAL_AFTER = Key.of("ingest.removal-after", Type.gap(), Duration.ofHours(1),
      "a tracked article that answers 404, 410 or 451, or whose redirects end on another URL (a section front, "
          + "another article), for consecutive checks spanning at least this long is announced as a change of "
          + "kind `removed` or `moved` (`0` for at once); transient failures (5xx, 429, timeouts, resets, unknown "
          + "hosts) never count and never end such a run. While a run is pending the article is re-checked in "
          + "time to confirm it, even after its schedule's last gap");
  public static final Key<Integer> REMOVAL_CHECKS = Key.of("ingest.removal-checks", Type.integer(1, 100), 2,
      "the least number of such answers in a row before a removal or move is announced");
  public static final Key<Duration> GEOMETRIC_FIRST = Key.of("ingest.geometric-recheck.first", Type.duration(),
      Duration.ofMinutes(30), "the `geometric` schedule: the first re-check this long after the article was first "
          + "seen, and the gap after a check that found the text changed");
  public static final Key<Double> GEOMETRIC_FACTOR = Key.of("ingest.geometric-recheck.factor",
      Type.decimal("a number from 1.01 to 10", f -> f >= 1.01 && f <= 10), 1.2,
      "each check that finds the text unchanged (a 304, the same text, a failure) makes the next gap this many "
          + "times the last");
  public static final Key<Duration> GEOMETRIC_RETIRE_AFTER = Key.of("ingest.geometric-recheck.retire-after",
      Type.duration(), Duration.ofDays(40), "once the next gap would pass this, the article is retired: no more "
          + "checks (with the defaults, after 42 unchanged re-checks, about 220 days); at least "
          + "`ingest.geometric-recheck.first`");
  public static final Key<Duration> SITEMAP_MAX_AGE = Key.of("ingest.sitemap-max-age", Type.duration(),
      Duration.ofDays(2), "pages a sitemap dates (Google News publication date, else `lastmod`) longer ago than "
          + "this are not tracked, so a sitemap of a whole archive does not make ingest fetch the archive; undated "
          + "pages are tracked");
  // WebSub (issue 12): subscriptions to the hubs feeds advertise, the callback server.
  public static final Key<URI> WEBSUB_CALLBACK_BASE_URL = Key.of("ingest.websub.callback-base-url",
      Type.uri(URL_ALLOWED), null,
      "the public http(s) URL at which hubs on the internet reach this instance's WebSub callback server (a "
          + "reverse proxy in front of `ingest.websub.bind`:`ingest.websub.port`, or that address itself); a feed's "
          + "callback is this + `/websub/<id>`. Unset: WebSub off. With several ingest instances give each its own "
          + "(`NEWSDELTA_INGEST_WEBSUB_CALLBACK_BASE_URL`); see WebSub below");
  public static final Key<String> WEBSUB_BIND = Key.of("ingest.websub.bind", Type.text(), "127.0.0.1",
      "where the callback server listens (only when the base URL is set); `0.0.0.0` when hubs reach it directly");
  public static final Key<Integer> WEBSUB_PORT = Key.of("ingest.websub.port", Type.integer(0, 65535), 8090,
      "the callback server's port; a port that cannot be bound stops start-up");
  public static final Key<Duration> WEBSUB_LEASE = Key.of("ingest.websub.lease", Type.duration(),
      Duration.ofDays(7), "the lease asked of hubs (`hub.lease_seconds`, 5m to 365d); the hub's own answer counts, "
          + "and the subscription is renewed a tenth of it (at most an hour) before it ends");
  public static final Key<Duration> WEBSUB_POLL_INTERVAL = Key.of("ingest.websub.poll-interval", Type.duration(),
      Duration.ofMinutes(15), "how often a feed with a live subscription is still polled, as a safety net, "
          + "instead of `ingest.feed-poll-interval`");
  // Feed health (issue 12): checks that stop are alerts; the per-feed status topic.
  public static final Key<Duration> STALE_AFTER = Key.of("ingest.stale-after", Type.gap(), Duration.ofDays(1),
      "a feed that lists no new item for longer than this, and than four times its own usual gap between new items, "
          + "is **stale**: one `feed-stale` event on `newsdelta.ingest.errors` and one log line, `feed-fresh` when it "
          + "lists one again (`0`: off); see [feed health](docs/operations.md#feed-health-checks-that-stop-are-alerts)");
  public static final Key<Duration> FAILING_AFTER = Key.of("ingest.failing-after", Type.gap(), Duration.ofHours(1),
      "a feed whose polls have all failed for longer than this is **failing**: one `feed-failing` event (with its "
          + "last error), `feed-recovered` when a poll succeeds again (`0`: off)");
  public static final Key<Duration> LAG_AFTER = Key.of("ingest.lag-after", Type.gap(), Duration.ofMinutes(15),
      "an ingest instance whose oldest due article check has waited longer than this is **lagging** behind its "
          + "schedule: one `ingest-lagging` event, `ingest-caught-up` when it is back (`0`: off)");
  public static final Key<Duration> STATUS_INTERVAL = Key.of("ingest.status-interval", Type.duration(),
      Duration.ofMinutes(1), "each feed's status (last poll, items, errors, health, owner) is written to "
          + "`newsdelta.feeds.status` at once when it changes and at least this often otherwise; `feeds list` reads it");
  public static final Key<Duration> CATCH_UP_WINDOW = Key.of("ingest.catch-up-window", Type.gap(),
      Duration.ofMinutes(5), "after downtime or a hand-over, the checks that fell due meanwhile are spread over up "
          + "to this long (5 ms per overdue check), not fired at once; none is dropped");

  /** In the order of the README table. */
  public static final List<Key<?>> ALL = List.of(FEEDS, FEED_POLL_INTERVAL, ARTICLE_RECHECK, FETCH_TIMEOUT,
      MAX_PAGE_BYTES, USER_AGENT, FETCH_CONCURRENCY, HOST_CONCURRENCY, HOST_MIN_GAP, HOSTS, ROBOTS_TTL,
      REMOVAL_AFTER, REMOVAL_CHECKS, GEOMETRIC_FIRST, GEOMETRIC_FACTOR, GEOMETRIC_RETIRE_AFTER, SITEMAP_MAX_AGE,
      WEBSUB_CALLBACK_BASE_URL, WEBSUB_BIND, WEBSUB_PORT, WEBSUB_LEASE, WEBSUB_POLL_INTERVAL, STALE_AFTER, FAILING_AFTER,
      LAG_AFTER, STATUS_INTERVAL, CATCH_UP_WINDOW);

  private IngestKeys() {}

  static IngestConfig bind(ConfigTree v) {
    return new IngestConfig(
        v.get(FEEDS),
        v.get(FEED_POLL_INTERVAL),
        v.get(ARTICLE_RECHECK),
        v.get(FETCH_TIMEOUT),
        v.get(MAX_PAGE_BYTES),
        v.get(USER_AGENT),
        v.get(FETCH_CONCURRENCY),
        v.get(HOST_CONCURRENCY),
        v.get(HOST_MIN_GAP),
        v.get(HOSTS),
        v.get(ROBOTS_TTL),
        v.get(CATCH_UP_WINDOW),
        new IngestConfig.Removal(v.get(REMOVAL_AFTER), v.get(REMOVAL_CHECKS)),
        new IngestConfig.GeometricRecheck(v.get(GEOMETRIC_FIRST), v.get(GEOMETRIC_FACTOR),
            v.get(GEOMETRIC_RETIRE_AFTER)),
        v.get(SITEMAP_MAX_AGE),
        // WebSub (issue 12): off unless a public callback base URL is set.
        new IngestConfig.WebSub(websubCallback(v), v.get(WEBSUB_BIND), v.get(WEBSUB_PORT), v.get(WEBSUB_LEASE),
            v.get(WEBSUB_POLL_INTERVAL)),
        new IngestConfig.Health(v.get(STALE_AFTER), v.get(FAILING_AFTER), v.get(LAG_AFTER), v.get(STATUS_INTERVAL)));
  }

  private static URI websubCallback(ConfigTree v) {
    URI given = v.get(WEBSUB_CALLBACK_BASE_URL);
    return given == null || given.toString().isBlank() ? null
        : httpUrl(given.toString(), WEBSUB_CALLBACK_BASE_URL.path());
  }

  private static List<FeedConfig> feeds(String path, JsonNode feeds, ConfigTree v) {
    List<FeedConfig> result = new ArrayList<>();
    if (!feeds.isArray()) {
      throw ConfigException.badValue(path, feeds, "a list of feeds, each a URL or {url, name}");
    }
    for (int i = 0; i < feeds.size(); i++) {
      JsonNode item = feeds.get(i);
      String key = path + "[" + i + "]";
      if (item.isTextual()) {
        result.add(new FeedConfig(httpUrl(item.asText(), key + ".url"), null));
      } else if (item.isObject() && item.hasNonNull("url")) {
        checkFields(item, key, List.of("url", "name", "robots", "kind", "schedule"));
        String name = item.hasNonNull("name") ? item.get("name").asText() : null;
        boolean robots = item.hasNonNull("robots") ? Type.bool().read(key + ".robots", item.get("robots"), v, false)
            : true;
        String kind = FeedConfig.oneOf(key + ".kind", item.hasNonNull("kind") ? item.get("kind").asText() : null,
            FeedConfig.KINDS);
        String schedule = FeedConfig.oneOf(key + ".schedule",
            item.hasNonNull("schedule") ? item.get("schedule").asText() : null, FeedConfig.SCHEDULES);
        result.add(new FeedConfig(httpUrl(item.get("url").asText(), key + ".url"), name, robots, kind, schedule));
      } else {
        throw ConfigException.badValue(key, item, "a feed URL or a mapping with url and an optional name");
      }
    }
    return result;
  }

  private static List<IngestConfig.HostLimit> hostLimits(String path, JsonNode hosts, ConfigTree v) {
    List<IngestConfig.HostLimit> result = new ArrayList<>();
    String allowed = HOSTS.type().allowed();
    if (!hosts.isArray()) {
      throw ConfigException.badValue(path, hosts, allowed);
    }
    for (int i = 0; i < hosts.size(); i++) {
      JsonNode item = hosts.get(i);
      String key = path + "[" + i + "]";
      if (!item.isObject() || !item.hasNonNull("host")) {
        throw ConfigException.badValue(key, item, allowed);
      }
      checkFields(item, key, List.of("host", "concurrency", "min-gap"));
      // An entry without a limit takes the one every host has.
      int concurrency = item.hasNonNull("concurrency")
          ? Type.integer(1, 64).read(key + ".concurrency", item.get("concurrency"), v, false)
          : v.get(HOST_CONCURRENCY);
      Duration gap = item.hasNonNull("min-gap")
          ? Type.gap().read(key + ".min-gap", item.get("min-gap"), v, false)
          : v.get(HOST_MIN_GAP);
      result.add(new IngestConfig.HostLimit(item.get("host").asText(), concurrency, gap));
    }
    return result;
  }

  static URI httpUrl(String text, String key) {
    try {
      URI uri = new URI(text.trim());
      if (uri.getScheme() == null
          || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw ConfigException.badValue(key, text, URL_ALLOWED);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ConfigException.badValue(key, text, URL_ALLOWED);
    }
  }

  /** Fields of a mapping in a list that the key does not know are errors, as unknown keys are. */
  static void checkFields(JsonNode item, String key, List<String> allowed) {
    item.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        throw new ConfigException("config key " + key + "." + f + " is not known; allowed: " + allowed);
      }
    });
  }
}
