package io.newsdelta.notifier.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping for HTML text and attribute values, and safe links. */
public final class Html {

  private Html() {}

  /** {@code text} safe to put in element content and in double- or single-quoted attribute values; null reads as "". */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A link to {@code url} when it is an http(s) URL; otherwise the URL as plain text (no {@code javascript:} links). */
  public static String externalLink(String url) {
    if (!isWebUrl(url)) {
      return "<span class=\"url\">" + escape(url) + "</span>";
    }
    return "<a class=\"url\" rel=\"noopener noreferrer\" href=\"" + escape(url) + "\">" + escape(url) + "</a>";
  }

  /** The notifier's own page of one article. */
  public static String articleHref(String articleId) {
    return "/article?id=" + URLEncoder.encode(articleId, StandardCharsets.UTF_8);
  }

  static boolean isWebUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      String scheme = URI.create(url.strip()).getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
