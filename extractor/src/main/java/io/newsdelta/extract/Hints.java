package io.newsdelta.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it. Words are matched as tokens (split at anything
 * that is not a letter or digit, and at camelCase humps) so that "ad" matches {@code ad-slot} but
 * not {@code header}; longer words also match inside compounds such as {@code relatedposts}.
 */
final class Hints {

  /** Boilerplate so clear that the element is removed before scoring. */
  private static final Set<String> REMOVE_TOKENS = Set.of("ad", "ads", "adv", "advert", "adverts",
      "advertisement", "adslot", "anzeige", "werbung", "sponsor", "sponsored", "nav", "navi", "menu",
      "footer", "sidebar", "comment", "comments", "kommentare", "share", "sharing", "social",
      "shariff", "related", "promo", "banner", "cookie", "cookies", "consent", "gdpr", "newsletter",
      "breadcrumb", "breadcrumbs", "popup", "modal", "outbrain", "taboola", "pagination",
      "pager", "recommended", "recommendations", "popular", "mostread", "trending", "tagcloud",
      "subscribe", "skiplinks", "skiplink", "toolbar", "rss", "login", "masthead", "dsgvo",
      "paywall", "meistgelesen", "disqus", "reply", "replies", "respond", "tags", "keywords",
      "socials", "follow", "byline", "dateline", "timestamp", "datum", "date", "published",
      "updated", "lastupdated", "author", "autor", "caption", "credit", "copyright", "teaserlist",
      "morelink", "overlay", "offscreen", "infobox", "navigation", "donation", "donate", "spenden",
      "subscription", "disclosure", "affiliate", "likes", "postmetadata", "placeholder", "aside");
  private static final String[] REMOVE_SUBSTRINGS = {"comment", "sidebar", "cookie", "newsletter",
      "breadcrumb", "related", "social", "sharing", "sharebar", "sharebutton", "advert", "sponsor",
      "navigation", "navbar", "footer", "popular", "mostread", "meistgelesen", "outbrain",
      "taboola", "consent", "banner", "promo", "teaserlist", "recommend", "subscribe", "adslot",
      "adcontainer", "adwrapper", "ad-slot", "ad-container", "sr-only", "visually-hidden",
      "screen-reader", "authorbox", "author-box", "author-bio", "author-info", "about-author",
      "about-the-author", "sabox", "sharedaddy", "entry-meta", "post-meta", "entry-footer",
      "news-letter", "lee-tambien", "leetambien", "lire-aussi", "read-also",
      "readalso", "image-source", "imagesource", "imagedescription", "image-description",
      "img-metadata", "img-caption", "image-caption", "imagecaption", "bildunterschrift",
      "photo-credit"};
  /**
   * Boxes that can hold a lot of prose and still never be the story (teaser excerpts, a sidebar text
   * widget): no amount of prose protects them from removal.
   */
  private static final String[] NEVER_STORY = {"related", "sidebar", "recommend", "popular",
      "mostread", "meistgelesen", "newsletter", "outbrain", "taboola", "authorbox", "author-box",
      "author-bio", "sabox"};

  /** Words that make a node more likely to hold the story. */
  private static final String[] POSITIVE = {"article", "content", "story", "body", "text", "post",
      "entry", "main", "blog", "artikel", "beitrag", "inhalt", "richtext", "rte", "prose", "copy",
      "hentry", "news", "detail"};
  /** Words that make a node less likely to hold the story (scoring only). */
  private static final String[] NEGATIVE = {"comment", "meta", "footer", "footnote", "foot",
      "sidebar", "side", "aside", "widget", "related", "share", "social", "promo", "teaser",
      "banner", "nav", "menu", "header", "masthead", "byline", "author", "tag", "date", "info",
      "caption", "gallery", "more", "link", "list", "box", "extra", "sponsor", "shop"};

  private Hints() {}

  /** The lowercase class, id and role of {@code el}, space separated; empty if none. */
  static String describe(Element el) {
    String cls = el.className();
    String id = el.id();
    String role = el.attr("role");
    if (cls.isEmpty() && id.isEmpty() && role.isEmpty()) {
      return "";
    }
    return splitCamel(cls + " " + id + " " + role);
  }

  /** True if the class or id names a kind of boilerplate that never holds article text. */
  static boolean isBoilerplate(String described) {
    if (described.isEmpty()) {
      return false;
    }
    int start = -1;
    for (int i = 0; i <= described.length(); i++) {
      char c = i < described.length() ? described.charAt(i) : ' ';
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (REMOVE_TOKENS.contains(described.substring(start, i))) {
          return true;
        }
        start = -1;
      }
    }
    for (String s : REMOVE_SUBSTRINGS) {
      if (described.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** True if the class or id names a box that is never the story however much prose it holds. */
  static boolean isNeverStory(String described) {
    return containsAny(described, NEVER_STORY);
  }

  /** True if the class or id suggests article content. */
  static boolean isPositive(String described) {
    return containsAny(described, POSITIVE);
  }

  /** Readability-style class weight: +25 for a positive hint, -25 for a negative one. */
  static int weight(String described) {
    if (described.isEmpty()) {
      return 0;
    }
    int w = 0;
    if (containsAny(described, NEGATIVE)) {
      w -= 25;
    }
    if (containsAny(described, POSITIVE)) {
      w += 25;
    }
    return w;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Lowercases and puts a hyphen at each camelCase hump: {@code relatedLinks -> related-links}. */
  private static String splitCamel(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
