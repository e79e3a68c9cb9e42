package io.newsdelta.notifier.view;

import io.newsdelta.events.ArticleChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The pages' URLs (query values encoded) and how times are shown; the templates call these. */
public final class Links {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Links() {}

  public static String article(String articleId) {
    return "/article?id=" + enc(articleId);
  }

  public static String diff(String articleId, int from, int to) {
    return "/diff?id=" + enc(articleId) + "&from=" + from + "&to=" + to;
  }

  /**
   * Where a change is shown: its diff; for a removal, move or restoration (no text changed) the article's page.
   */
  public static String change(ArticleChange c) {
    return isEdit(c) ? diff(c.articleId(), c.fromVersion(), c.toVersion()) : article(c.articleId());
  }

  /** Whether the change is an edit of the text (not a removal, move or restoration). */
  public static boolean isEdit(ArticleChange c) {
    return c.kind() == null || c.kind() == ArticleChange.Kind.EDIT;
  }

  /** The change's kind as shown and sent: {@code edit}, {@code removed}, {@code moved}, {@code restored}. */
  public static String kind(ArticleChange c) {
    return c.kind() == null ? "edit" : c.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  public static String sideBySide(String articleId, int from, int to) {
    return diff(articleId, from, to) + "&view=side";
  }

  /** The story an article belongs to, across outlets. */
  public static String storyOfArticle(String articleId) {
    return "/story?article=" + enc(articleId);
  }

  public static String atomOfArticle(String articleId) {
    return "/atom?id=" + enc(articleId);
  }

  public static String atomOfFeed(String feedUrl) {
    return "/atom?feed=" + enc(feedUrl);
  }

  public static String articlesOfFeed(String feedUrl) {
    return "/?feed=" + enc(feedUrl);
  }

  public static String search(String query, int page) {
    return "/search?q=" + enc(query) + "&page=" + page;
  }

  /** An external link, only when it is http(s): a {@code javascript:} URL from a feed must not become a link. */
  public static String external(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }

  /** A time as shown on the pages, or "an unknown time". */
  public static String time(Instant at) {
    return at == null ? "an unknown time" : SHOWN.format(at);
  }

  /** A time for {@code <time datetime>}. */
  public static String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  /** The headline, or the URL when there is none. */
  public static String titleOrUrl(String title, String url) {
    return title == null || title.isBlank() ? url : title;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
