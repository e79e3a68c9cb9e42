package io.newsdelta.ingest.poll;

import java.net.URI;
import java.util.List;

/**
 * What ingest takes from a feed document.
 *
 * @param type the feed type as ROME names it (for example {@code rss_2.0}, {@code atom_1.0})
 * @param title the feed's title, or null
 * @param articleUrls the absolute http(s) URL of each entry, in feed order, without duplicates
 */
public record ParsedFeed(String type, String title, List<URI> articleUrls) {
  public ParsedFeed {
    articleUrls = List.copyOf(articleUrls);
  }
}
