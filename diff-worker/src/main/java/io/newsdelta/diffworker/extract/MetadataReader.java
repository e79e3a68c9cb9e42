package io.newsdelta.diffworker.extract;

import java.time.Instant;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads title, standfirst, byline, dates, language and canonical URL from a page, preferring what
 * the publisher declares (Open Graph, article meta tags, JSON-LD, microdata) over visible markup.
 */
final class MetadataReader {

  private MetadataReader() {}

  /** Reads the metadata of {@code doc}, fetched from {@code url}. */
  static PageMetadata read(Document doc, String url) {
    JsonLd ld = JsonLd.read(doc);
    String siteName = meta(doc, "og:site_name");
    Element h1 = doc.selectFirst("h1");
    String h1Text = h1 == null ? null : TextNormalizer.normalize(h1.text());
    String title = firstNonBlank(meta(doc, "og:title"), ld.headline(), meta(doc, "twitter:title"),
        h1Text, doc.title());
    title = Titles.clean(TextNormalizer.normalize(title), siteName, h1Text);
    String standfirst = firstNonBlank(meta(doc, "og:description"), meta(doc, "description"));
    String byline = firstNonBlank(meta(doc, "author"), ld.author(), meta(doc, "article:author"),
        itemprop(doc, "author"), selectText(doc, "[rel=author], .byline, .author"));
    Instant published = firstDate(meta(doc, "article:published_time"), ld.datePublished(),
        itemprop(doc, "datePublished"), meta(doc, "date"), meta(doc, "pubdate"),
        meta(doc, "dc.date"), attr(doc, "time[datetime]", "datetime"));
    Instant modified = firstDate(meta(doc, "article:modified_time"), ld.dateModified(),
        itemprop(doc, "dateModified"), meta(doc, "og:updated_time"), meta(doc, "last-modified"));
    String language = language(firstNonBlank(doc.selectFirst("html") == null ? null
        : doc.selectFirst("html").attr("lang"), meta(doc, "og:locale"),
        attr(doc, "meta[http-equiv=content-language]", "content"), ld.inLanguage()));
    String canonical = firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"),
        meta(doc, "og:url"), url);
    return new PageMetadata(blankToNull(title), blankToNull(TextNormalizer.normalize(standfirst)),
        blankToNull(TextNormalizer.normalize(byline)), published, modified, language, canonical,
        ld.articleBody());
  }

  private static String meta(Document doc, String key) {
    Element el = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
    return el == null ? null : el.attr("content");
  }

  private static String itemprop(Document doc, String prop) {
    Element el = doc.selectFirst("[itemprop=" + prop + "]");
    if (el == null) {
      return null;
    }
    for (String attr : new String[] {"content", "datetime"}) {
      if (el.hasAttr(attr)) {
        return el.attr(attr);
      }
    }
    Element name = el.selectFirst("[itemprop=name]");
    return name != null ? name.text() : el.text();
  }

  private static String attr(Document doc, String selector, String attr) {
    Element el = doc.selectFirst(selector);
    return el == null ? null : el.attr(attr);
  }

  private static String selectText(Document doc, String selector) {
    Element el = doc.selectFirst(selector);
    if (el == null) {
      return null;
    }
    String text = el.text();
    return text.length() > 100 ? null : text;
  }

  private static Instant firstDate(String... values) {
    for (String v : values) {
      Instant i = Dates.parse(v);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String lang = Locale.forLanguageTag(tag.trim().replace('_', '-')).toLanguageTag();
    return lang.equals("und") ? null : lang;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
