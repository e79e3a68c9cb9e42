package io.newsdelta.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strips the site name from a headline: {@code "Rates rise again - Example News"} becomes
 * {@code "Rates rise again"}. A part is cut when it names the site (Open Graph site name), or when it
 * is short next to a much longer headline part; a title with nothing to cut is left alone.
 */
final class Titles {

  private static final Pattern SEPARATOR = Pattern.compile(" (?:[|\\-–—:·•»«/]|::) ");

  private Titles() {}

  /** The headline without site name; {@code h1} (may be null) wins when the title starts with it. */
  static String clean(String title, String siteName, String h1) {
    if (title == null || title.isEmpty()) {
      return title;
    }
    if (h1 != null && h1.length() >= 10 && !h1.equals(title) && title.startsWith(h1)) {
      return h1;
    }
    if (siteName != null && !siteName.isBlank()) {
      String site = TextNormalizer.normalize(siteName);
      if (title.length() > site.length() + 3 && title.startsWith(site)
          && ":|-".indexOf(title.charAt(site.length())) >= 0) {
        return title.substring(site.length() + 1).trim();
      }
    }
    String[] parts = SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String site = siteName == null ? null : TextNormalizer.normalize(siteName).toLowerCase(Locale.ROOT);
    if (site != null && !site.isEmpty()) {
      String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      String first = parts[0].toLowerCase(Locale.ROOT);
      if (last.contains(site) || site.contains(last)) {
        return title.substring(0, title.lastIndexOf(parts[parts.length - 1])).replaceAll(
            SEPARATOR.pattern() + "$", "").trim();
      }
      if (first.contains(site) || site.contains(first)) {
        return title.substring(parts[0].length()).replaceFirst("^" + SEPARATOR.pattern(), "").trim();
      }
    }
    String last = parts[parts.length - 1];
    String head = title.substring(0, title.length() - last.length()).replaceAll(
        SEPARATOR.pattern() + "$", "").trim();
    if (words(last) <= 4 && words(head) >= 2 * words(last)) {
      return head;
    }
    return title;
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.trim().split("\\s+").length;
  }
}
