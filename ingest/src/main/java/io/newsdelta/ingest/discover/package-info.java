/**
 * What a site advertises to subscribe to: the feeds its page links ({@code <link rel="alternate">} with an RSS,
 * Atom or JSON Feed type) and the sitemaps its robots.txt names ({@code Sitemap:} lines), for {@code feeds
 * discover}. The pure {@link io.newsdelta.ingest.discover.Advertisements} reads the documents; the {@link
 * io.newsdelta.ingest.discover.SiteDiscoverer} fetches them with ingest's {@code HttpFetcher}.
 */
package io.newsdelta.ingest.discover;
