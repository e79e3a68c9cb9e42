package io.newsdelta.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Derives the article id from a URL: the canonical URL with scheme and host lower-cased, default port,
 * fragment and tracking parameters removed. The id is that URL itself, readable, not a hash.
 */
public final class ArticleIds {
  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "at_medium", "at_campaign",
          "cmpid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "_ga", "igshid");

  private ArticleIds() {}

  /**
   * The article id of a URL.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  public static String of(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    StringBuilder id = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
      id.append(':').append(port);
    }
    String path = uri.getRawPath();
    id.append(path == null || path.isEmpty() ? "/" : path);
    String query = cleanQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      id.append('?').append(query);
    }
    return id.toString();
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringJoiner kept = new StringJoiner("&");
    for (String part : rawQuery.split("&")) {
      String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!part.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(part);
      }
    }
    return kept.toString();
  }
}
