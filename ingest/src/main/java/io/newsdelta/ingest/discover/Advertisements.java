package io.newsdelta.ingest.discover;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsdelta.events.FeedRegistration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads what a site advertises: the feeds a page links with {@code <link rel="alternate" type="…">} (RSS, Atom,
 * JSON Feed; jsoup, so any HTML a browser reads) and the sitemaps of a robots.txt ({@code Sitemap:} lines, read
 * with crawler-commons' robots.txt parser, which ingest uses for the rules too). Each URL is listed once, resolved
 * against the document's URL (and the page's {@code <base href>}). Pure.
 */
public final class Advertisements {
  /** Link types and the format each is: the types feed readers and browsers recognise. */
  private static final Map<String, String> FEED_TYPES = Map.of(
      "application/rss+xml", "rss",
      "application/rdf+xml", "rss",
      "application/atom+xml", "atom",
      "application/feed+json", "json",
      "application/json", "json");

  private Advertisements() {}

  /**
   * The feeds a page links.
   *
   * @param html the page
   * @param pageUrl the URL it was served from (after redirects)
   */
  public static List<Advertised> feeds(String html, URI pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl.toString());
    Map<URI, Advertised> found = new LinkedHashMap<>();
    for (Element link : doc.select("link[rel][href][type]")) {
      boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+")).contains("alternate");
      String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].trim();
      String format = FEED_TYPES.get(type);
      URI url = http(link.absUrl("href"));
      if (!alternate || format == null || url == null) {
        continue;
      }
      String title = link.attr("title").isBlank() ? null : link.attr("title").trim();
      found.putIfAbsent(url, new Advertised(url, FeedRegistration.KIND_FEED, format, title, "link",
          !format.equals("json")));
    }
    return List.copyOf(found.values());
  }

  /**
   * The sitemaps a robots.txt names.
   *
   * @param robots the robots.txt as served
   * @param robotsUrl its URL
   */
  public static List<Advertised> sitemaps(byte[] robots, URI robotsUrl) {
    BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robotsUrl.toString(), robots, "text/plain",
        List.of("newsdelta"));
    Map<URI, Advertised> found = new LinkedHashMap<>();
    for (String line : rules.getSitemaps()) {
      URI url = http(resolve(robotsUrl, line));
      if (url != null) {
        found.putIfAbsent(url, new Advertised(url, FeedRegistration.KIND_SITEMAP, "sitemap", null, "robots.txt",
            true));
      }
    }
    return new ArrayList<>(found.values());
  }

  private static String resolve(URI base, String ref) {
    try {
      return base.resolve(new URI(ref.trim())).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static URI http(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
