/**
 * Sitemaps as a kind of feed: a sitemap, a Google News sitemap or a sitemap index (gzipped or not) is polled
 * like an RSS feed, with conditional GETs, and every page it lists becomes a tracked article. The pure
 * {@link io.newsdelta.ingest.sitemap.SitemapReader} reads one document with crawler-commons'
 * {@code SiteMapParser} (news extension on); the {@link io.newsdelta.ingest.sitemap.SitemapPoller} fetches the
 * sitemap and the sitemaps an index lists.
 */
package io.newsdelta.ingest.sitemap;
