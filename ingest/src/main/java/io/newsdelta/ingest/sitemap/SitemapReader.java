package io.newsdelta.ingest.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsdelta.ingest.sitemap.ParsedSitemap.Child;
import io.newsdelta.ingest.sitemap.ParsedSitemap.Page;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads one sitemap document with crawler-commons' {@link SiteMapParser}: XML sitemaps (with the Google News
 * extension), sitemap indexes, plain-text lists of URLs, gzipped or not (the format is sniffed from the bytes, so
 * a {@code .xml.gz} served as {@code application/octet-stream} still reads). Not strict: a news sitemap may list
 * pages outside its own directory, as publishers' sitemaps on a CDN host do. DOCTYPEs are refused (the parser's
 * default), so nothing external is loaded. Pure: bytes in, URLs out.
 */
public final class SitemapReader {
  private SitemapReader() {}

  /**
   * Parses a sitemap document.
   *
   * @param body the bytes as served (after Content-Encoding, not after a {@code .gz} file's own gzip)
   * @param sitemapUrl the URL the document came from (relative URLs resolve against it)
   * @throws SitemapParseException when the document is not a sitemap, a sitemap index or a gzipped one
   */
  public static ParsedSitemap parse(byte[] body, URI sitemapUrl) throws SitemapParseException {
    if (body.length == 0) {
      throw new SitemapParseException("the document is empty", null);
    }
    SiteMapParser parser = new SiteMapParser(false, false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap parsed;
    try {
      parsed = parser.parseSiteMap(body, toUrl(sitemapUrl));
    } catch (UnknownFormatException e) {
      throw new SitemapParseException("not a sitemap: " + firstLine(e), e);
    } catch (IOException | RuntimeException e) {
      throw new SitemapParseException("cannot read the sitemap: " + firstLine(e), e);
    }
    if (parsed instanceof SiteMapIndex index) {
      List<Child> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI url = toUri(child.getUrl());
        if (url != null) {
          children.add(new Child(url, instant(child.getLastModified())));
        }
      }
      children.sort(Comparator.comparing(Child::lastModified, Comparator.nullsLast(Comparator.reverseOrder())));
      return new ParsedSitemap(true, List.of(), children);
    }
    if (!(parsed instanceof SiteMap map)) {
      throw new SitemapParseException("not a sitemap: " + parsed.getClass().getSimpleName(), null);
    }
    List<Page> pages = new ArrayList<>();
    for (SiteMapURL entry : map.getSiteMapUrls()) {
      // Not strict: an entry outside the sitemap's directory is kept (SiteMapURL.isValid() says false for it).
      URI url = toUri(entry.getUrl());
      if (url == null) {
        continue;
      }
      NewsAttributes news = news(entry);
      Instant published = news == null ? null : instant(news.getPublicationDate());
      pages.add(new Page(url, published != null ? published : instant(entry.getLastModified()),
          news == null ? null : news.getTitle()));
    }
    return new ParsedSitemap(false, pages, List.of());
  }

  private static NewsAttributes news(SiteMapURL entry) {
    ExtensionMetadata[] attributes = entry.getAttributesForExtension(Extension.NEWS);
    if (attributes != null) {
      for (ExtensionMetadata a : attributes) {
        if (a instanceof NewsAttributes news) {
          return news;
        }
      }
    }
    return null;
  }

  private static URL toUrl(URI uri) throws SitemapParseException {
    try {
      return uri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new SitemapParseException("the sitemap URL " + uri + " is not a URL", e);
    }
  }

  private static URI toUri(URL url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = url.toURI();
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
