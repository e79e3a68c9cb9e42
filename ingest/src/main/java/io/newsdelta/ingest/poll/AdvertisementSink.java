package io.newsdelta.ingest.poll;

import io.newsdelta.ingest.fetch.FetchedResponse;
import java.net.URI;

/**
 * Told, after each feed document that was read (a 200, not a 304), what the response and the document say about
 * the feed itself: its {@code Link} headers and its {@code hub}/{@code self} links (WebSub discovery).
 */
@FunctionalInterface
public interface AdvertisementSink {
  /** Called on the poll's processing thread; must not block. */
  void read(URI feedUrl, FetchedResponse response, ParsedFeed feed);
}
