package io.newsdelta.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Everything {@link MetadataReader} needs, gathered in one walk over the document instead of one
 * CSS query per fact (a query walks the whole tree each time, which dominated extraction time).
 */
final class PageScan {

  final Map<String, String> metas = new HashMap<>();
  final Map<String, Element> itemprops = new HashMap<>();
  final List<Element> jsonLd = new ArrayList<>();
  String canonical;
  String title;
  Element h1;
  Element time;
  Element byline;

  private PageScan() {}

  /** Scans {@code doc} once. */
  static PageScan of(Document doc) {
    PageScan scan = new PageScan();
    Trees.forEachElement(doc, scan::visit);
    return scan;
  }

  private void visit(Element el) {
    switch (el.normalName()) {
      case "meta" -> {
        String key = el.hasAttr("property") ? el.attr("property")
            : el.hasAttr("name") ? el.attr("name") : el.attr("http-equiv");
        if (!key.isEmpty()) {
          metas.putIfAbsent(key.toLowerCase(Locale.ROOT), el.attr("content"));
        }
      }
      case "link" -> {
        if (canonical == null && el.attr("rel").equalsIgnoreCase("canonical")) {
          canonical = el.absUrl("href");
        }
      }
      case "script" -> {
        if (el.attr("type").equalsIgnoreCase("application/ld+json")) {
          jsonLd.add(el);
        }
      }
      case "title" -> {
        if (title == null) {
          title = el.text();
        }
      }
      case "h1" -> {
        if (h1 == null) {
          h1 = el;
        }
      }
      case "time" -> {
        if (time == null && el.hasAttr("datetime")) {
          time = el;
        }
      }
      default -> { }
    }
    if (el.attributesSize() == 0) {
      // Most elements carry no attribute: nothing below can match.
      return;
    }
    if (el.hasAttr("itemprop")) {
      itemprops.putIfAbsent(el.attr("itemprop"), el);
    }
    if (byline == null && (el.attr("rel").equals("author") || hasClass(el, "byline")
        || hasClass(el, "author"))) {
      byline = el;
    }
  }

  /**
   * {@code el.hasClass(name)}, asked only when the class attribute contains {@code name} ignoring case (which
   * {@code hasClass} implies): jsoup's check splits the attribute every time, and this runs for every element.
   */
  private static boolean hasClass(Element el, String name) {
    String cls = el.attributes().getIgnoreCase("class");
    for (int i = 0; i + name.length() <= cls.length(); i++) {
      if (cls.regionMatches(true, i, name, 0, name.length())) {
        return el.hasClass(name);
      }
    }
    return false;
  }
}
