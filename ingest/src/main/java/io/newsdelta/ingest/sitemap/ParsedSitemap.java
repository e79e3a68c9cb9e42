package io.newsdelta.ingest.sitemap;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What one sitemap document lists: pages (a sitemap) or sitemaps (an index).
 *
 * @param index whether the document is a sitemap index
 * @param pages the pages of a sitemap, in document order; empty for an index
 * @param sitemaps the sitemaps of an index, newest first (by lastmod; undated ones last); empty for a sitemap
 */
public record ParsedSitemap(boolean index, List<Page> pages, List<Child> sitemaps) {
  /**
   * One page of a sitemap.
   *
   * @param url the page URL
   * @param date its Google News publication date, else its lastmod, else null
   * @param title its Google News title, or null
   */
  public record Page(URI url, Instant date, String title) {}

  /**
   * One sitemap listed by an index.
   *
   * @param url the sitemap URL
   * @param lastModified its lastmod, or null
   */
  public record Child(URI url, Instant lastModified) {}

  public ParsedSitemap {
    pages = List.copyOf(pages);
    sitemaps = List.copyOf(sitemaps);
  }
}
