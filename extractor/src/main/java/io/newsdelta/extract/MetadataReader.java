package io.newsdelta.extract;

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
  static PageMetadata read(Document page, String url) {
    PageScan doc = PageScan.of(page);
    JsonLd ld = JsonLd.read(doc.jsonLd);
    String siteName = meta(doc, "og:site_name");
    Element h1 = doc.h1;
    String h1Text = h1 == null ? null : TextNormalizer.normalize(h1.text());
    String title = firstNonBlank(meta(doc, "og:title"), ld.headline(), meta(doc, "twitter:title"),
        h1Text, doc.title);
    title = Titles.clean(TextNormalizer.normalize(title), siteName, h1Text);
    String standfirst = firstNonBlank(meta(doc, "og:description"), meta(doc, "description"));
    String byline = firstNonBlank(meta(doc, "author"), ld.author(), meta(doc, "article:author"),
        itemprop(doc, "author"), shortText(doc.byline));
    Instant published = firstDate(meta(doc, "article:published_time"), ld.datePublished(),
        itemprop(doc, "datePublished"), meta(doc, "date"), meta(doc, "pubdate"),
        meta(doc, "dc.date"), doc.time == null ? null : doc.time.attr("datetime"));
    Instant modified = firstDate(meta(doc, "article:modified_time"), ld.dateModified(),
        itemprop(doc, "dateModified"), meta(doc, "og:updated_time"), meta(doc, "last-modified"));
    Element html = page.selectFirst("html");
    String language = language(firstNonBlank(html == null ? null : html.attr("lang"),
        meta(doc, "og:locale"), meta(doc, "content-language"), ld.inLanguage()));
    String canonical = firstNonBlank(doc.canonical, meta(doc, "og:url"), url);
    return new PageMetadata(blankToNull(title), blankToNull(TextNormalizer.normalize(standfirst)),
        blankToNull(TextNormalizer.normalize(byline)), published, modified, language, canonical,
        ld.articleBody());
  }

  private static String meta(PageScan doc, String key) {
    return doc.metas.get(key);
  }

  private static String itemprop(PageScan doc, String prop) {
    Element el = doc.itemprops.get(prop);
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

  private static String shortText(Element el) {
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
