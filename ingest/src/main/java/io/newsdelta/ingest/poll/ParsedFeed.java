package io.newsdelta.ingest.poll;

import java.net.URI;
import java.util.List;

/**
 * What ingest takes from a feed document.
 *
 * @param type the feed type as ROME names it (for example {@code rss_2.0}, {@code atom_1.0}), or {@code opml}
 * @param title the feed's title, or null
 * @param articleUrls the absolute http(s) URL of each entry, in feed order, without duplicates
 * @param feedUrls for an OPML list: the absolute http(s) URL of each feed it lists (then no articles)
 * @param hubs the WebSub hubs the document names ({@code <link rel="hub">}, {@code <atom:link rel="hub">}), in
 *     order, absolute http(s) URLs
 * @param self the document's own URL ({@code rel="self"}), the WebSub topic, or null
 */
public record ParsedFeed(String type, String title, List<URI> articleUrls, List<URI> feedUrls, List<URI> hubs,
    URI self) {
  public ParsedFeed {
    articleUrls = List.copyOf(articleUrls);
    feedUrls = List.copyOf(feedUrls);
    hubs = hubs == null ? List.of() : List.copyOf(hubs);
  }

  /** A document that names no hub. */
  public ParsedFeed(String type, String title, List<URI> articleUrls, List<URI> feedUrls) {
    this(type, title, articleUrls, feedUrls, List.of(), null);
  }
}
