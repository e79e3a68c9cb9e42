package io.newsdelta.ingest.websub;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads HTTP {@code Link} header values (RFC 8288): {@code <https://hub.example/>; rel="hub", <https://x/feed>;
 * rel=self}. Several links per value, several values per response; {@code rel} may list several relation types
 * separated by spaces. Targets are resolved against the response's URL. Pure; malformed links are skipped.
 */
public final class LinkHeader {
  /**
   * One link.
   *
   * @param target the absolute target URL
   * @param rels its relation types, lower case
   */
  public record Link(URI target, Set<String> rels) {
    public Link {
      rels = Set.copyOf(rels);
    }
  }

  private LinkHeader() {}

  /** Every well-formed link in {@code values}, in order. */
  public static List<Link> parse(List<String> values, URI base) {
    List<Link> links = new ArrayList<>();
    for (String value : values) {
      parseValue(value, base, links);
    }
    return links;
  }

  /** The targets of the links with relation type {@code rel}, in order. */
  public static List<URI> targets(List<Link> links, String rel) {
    return links.stream().filter(l -> l.rels().contains(rel)).map(Link::target).toList();
  }

  private static void parseValue(String value, URI base, List<Link> links) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        return;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        return;
      }
      String target = value.substring(open + 1, close).trim();
      // The parameters run to the next comma outside a quoted string.
      int j = close + 1;
      boolean quoted = false;
      StringBuilder params = new StringBuilder();
      while (j < n) {
        char c = value.charAt(j);
        if (c == '"' && (j == 0 || value.charAt(j - 1) != '\\')) {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          break;
        }
        params.append(c);
        j++;
      }
      i = j + 1;
      Set<String> rels = rels(params.toString());
      URI resolved = resolve(base, target);
      if (resolved != null && !rels.isEmpty()) {
        links.add(new Link(resolved, rels));
      }
    }
  }

  private static Set<String> rels(String params) {
    Set<String> rels = new LinkedHashSet<>();
    for (String param : splitParams(params)) {
      int eq = param.indexOf('=');
      if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
        continue;
      }
      String v = param.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      for (String r : v.trim().split("\\s+")) {
        if (!r.isEmpty()) {
          rels.add(r.toLowerCase(Locale.ROOT));
        }
      }
      break; // RFC 8288: only the first rel parameter counts.
    }
    return rels;
  }

  private static List<String> splitParams(String params) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int k = 0; k < params.length(); k++) {
      char c = params.charAt(k);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static URI resolve(URI base, String target) {
    try {
      URI uri = base == null ? new URI(target) : base.resolve(new URI(target));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
