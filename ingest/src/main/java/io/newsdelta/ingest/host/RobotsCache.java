package io.newsdelta.ingest.host;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The robots.txt rules of each site (scheme, host and port), parsed with crawler-commons' {@link
 * SimpleRobotRulesParser} for ingest's robot name and kept for a TTL. A robots.txt answered 4xx allows
 * everything, 5xx forbids everything for now (RFC 9309), and one that cannot be reached allows everything
 * (the page fetch then fails and is reported on its own); either way it is asked again after the TTL. Times are
 * monotonic nanoseconds. Pure bookkeeping, not thread-safe (the watcher guards it).
 */
public final class RobotsCache {
  /** How long rules from an unreachable robots.txt are kept before it is asked again. */
  static final Duration UNREACHABLE_TTL = Duration.ofMinutes(5);

  private record Entry(BaseRobotRules rules, long expires) {}

  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final String robotName;
  private final long ttl;
  private final Map<String, Entry> sites = new HashMap<>();
  private final Map<String, Boolean> fetching = new HashMap<>();

  /**
   * @param userAgent ingest's User-Agent; its product token (before the first '/' or space) is the robot name
   *     matched against {@code User-agent:} lines
   * @param ttl how long rules are kept
   */
  public RobotsCache(String userAgent, Duration ttl) {
    this.robotName = robotName(userAgent);
    this.ttl = ttl.toNanos();
  }

  /** The robots.txt URL of the site of {@code page}. */
  public static URI robotsUrl(URI page) {
    return URI.create(site(page) + "/robots.txt");
  }

  /** The site key: scheme://host[:port]. */
  public static String site(URI page) {
    String scheme = page.getScheme().toLowerCase(Locale.ROOT);
    String host = page.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (page.getPort() < 0 ? "" : ":" + page.getPort());
  }

  /** The rules of the site, while they are fresh. */
  public Optional<BaseRobotRules> rules(String site, long now) {
    Entry e = sites.get(site);
    return e == null || e.expires() < now ? Optional.empty() : Optional.of(e.rules());
  }

  /**
   * Whether the site's robots.txt must be read before its pages: its rules are missing or stale and no
   * read is under way; marks the read as under way.
   */
  public boolean startRead(String site, long now) {
    if (rules(site, now).isPresent() || fetching.containsKey(site)) {
      return false;
    }
    fetching.put(site, true);
    return true;
  }

  /** Whether a read of the site's robots.txt is under way. */
  public boolean reading(String site) {
    return fetching.containsKey(site);
  }

  /** A robots.txt answered 2xx. */
  public BaseRobotRules parsed(String site, URI robotsUrl, byte[] body, String contentType, long now) {
    BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), body, contentType == null ? "text/plain" : contentType,
        List.of(robotName));
    put(site, rules, now + ttl);
    return rules;
  }

  /** A robots.txt answered with another status. */
  public BaseRobotRules failed(String site, int status, long now) {
    BaseRobotRules rules = parser.failedFetch(status);
    put(site, rules, now + ttl);
    return rules;
  }

  /** A robots.txt that could not be reached: allow everything, ask again soon. */
  public BaseRobotRules unreachable(String site, long now) {
    BaseRobotRules rules = parser.failedFetch(404);
    put(site, rules, now + Math.min(ttl, UNREACHABLE_TTL.toNanos()));
    return rules;
  }

  /** The Crawl-delay of rules, or zero. */
  public static Duration crawlDelay(BaseRobotRules rules) {
    long ms = rules.getCrawlDelay();
    return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }

  private void put(String site, BaseRobotRules rules, long expires) {
    fetching.remove(site);
    sites.put(site, new Entry(rules, expires));
  }

  static String robotName(String userAgent) {
    String token = userAgent.trim().split("[/\\s]", 2)[0];
    return token.isEmpty() ? "newsdelta" : token.toLowerCase(Locale.ROOT);
  }
}
