package io.newsdelta.stories.similarity;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The outlet of an article URL: its host without the sub-domain, so {@code news.bbc.co.uk} and
 * {@code www.bbc.co.uk} are one outlet. A heuristic, not the Public Suffix List: a two-letter country code after a
 * short second level ({@code co.uk}, {@code com.au}) keeps three labels, anything else two.
 */
public final class Outlets {
  private static final Set<String> SECOND_LEVELS = Set.of("co", "com", "org", "net", "gov", "ac", "or", "ne");

  private Outlets() {}

  /** The outlet of {@code url}, or the whole text lower-cased when it is not a URL with a host. */
  public static String of(String url) {
    String host;
    try {
      host = URI.create(url.trim()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      return url.toLowerCase(Locale.ROOT);
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    int n = labels.length;
    if (n <= 2) {
      return String.join(".", labels);
    }
    int keep = labels[n - 1].length() == 2 && SECOND_LEVELS.contains(labels[n - 2]) ? 3 : 2;
    return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
  }
}
