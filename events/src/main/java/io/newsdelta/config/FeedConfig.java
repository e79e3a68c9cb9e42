package io.newsdelta.config;

import io.newsdelta.events.FeedRegistration;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A configured feed.
 *
 * @param url the RSS, Atom or OPML URL, or the sitemap URL
 * @param name a human name, or null
 * @param robots whether the article pages of this feed obey their site's robots.txt ({@code feeds[].robots},
 *     default true)
 * @param kind what the URL is ({@code feeds[].kind}: {@code feed}, the default, or {@code sitemap})
 * @param schedule how its articles are re-checked ({@code feeds[].schedule}: {@code gaps}, the default, for
 *     {@code ingest.article-recheck}; {@code geometric} for {@code ingest.geometric-recheck})
 */
public record FeedConfig(URI url, String name, boolean robots, String kind, String schedule) {
  /** The values {@code feeds[].kind} takes. */
  public static final List<String> KINDS = List.of(FeedRegistration.KIND_FEED, FeedRegistration.KIND_SITEMAP);
  /** The values {@code feeds[].schedule} takes. */
  public static final List<String> SCHEDULES =
      List.of(FeedRegistration.SCHEDULE_GAPS, FeedRegistration.SCHEDULE_GEOMETRIC);

  /** A feed whose pages obey robots.txt. */
  public FeedConfig(URI url, String name) {
    this(url, name, true);
  }

  /** An RSS/Atom/OPML feed on the list of gaps. */
  public FeedConfig(URI url, String name, boolean robots) {
    this(url, name, robots, FeedRegistration.KIND_FEED, FeedRegistration.SCHEDULE_GAPS);
  }

  public FeedConfig {
    Objects.requireNonNull(url, "url");
    kind = oneOf("feeds[" + url + "].kind", kind, KINDS);
    schedule = oneOf("feeds[" + url + "].schedule", schedule, SCHEDULES);
  }

  /** This feed as an entry of the feed registry. */
  public FeedRegistration registration() {
    return new FeedRegistration(url.toString(), name, kind, schedule);
  }

  /**
   * {@code value} lower-cased when it is one of {@code allowed}; null or blank is the first of them.
   *
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public static String oneOf(String key, String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return allowed.get(0);
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw ConfigException.badValue(key, value, "one of " + String.join(", ", allowed));
    }
    return v;
  }
}
