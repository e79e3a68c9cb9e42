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
    for (Element el : doc.getAllElements()) {
      switch (el.normalName()) {
        case "meta" -> {
          String key = el.hasAttr("property") ? el.attr("property")
              : el.hasAttr("name") ? el.attr("name") : el.attr("http-equiv");
          if (!key.isEmpty()) {
            scan.metas.putIfAbsent(key.toLowerCase(Locale.ROOT), el.attr("content"));
          }
        }
        case "link" -> {
          if (scan.canonical == null && el.attr("rel").equalsIgnoreCase("canonical")) {
            scan.canonical = el.absUrl("href");
          }
        }
        case "script" -> {
          if (el.attr("type").equalsIgnoreCase("application/ld+json")) {
            scan.jsonLd.add(el);
          }
        }
        case "title" -> {
          if (scan.title == null) {
            scan.title = el.text();
          }
        }
        case "h1" -> {
          if (scan.h1 == null) {
            scan.h1 = el;
          }
        }
        case "time" -> {
          if (scan.time == null && el.hasAttr("datetime")) {
            scan.time = el;
          }
        }
        default -> { }
      }
      if (el.hasAttr("itemprop")) {
        scan.itemprops.putIfAbsent(el.attr("itemprop"), el);
      }
      if (scan.byline == null && (el.attr("rel").equals("author")
          || el.hasClass("byline") || el.hasClass("author"))) {
        scan.byline = el;
      }
    }
    return scan;
  }
}
