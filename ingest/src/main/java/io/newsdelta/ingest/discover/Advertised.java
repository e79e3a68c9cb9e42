package io.newsdelta.ingest.discover;

import java.net.URI;

/**
 * One feed or sitemap a site advertises.
 *
 * @param url its absolute URL
 * @param kind the registry kind to add it with: {@code feed} or {@code sitemap}
 * @param format {@code rss}, {@code atom}, {@code json} (JSON Feed) or {@code sitemap}
 * @param title the link's title, or null
 * @param advertisedBy where it was found: {@code link} (the page's {@code <link rel="alternate">}) or {@code
 *     robots.txt} (a {@code Sitemap:} line)
 * @param readable whether ingest reads it (JSON Feed it does not: RSS, Atom, OPML and sitemaps only)
 */
public record Advertised(URI url, String kind, String format, String title, String advertisedBy, boolean readable) {}
