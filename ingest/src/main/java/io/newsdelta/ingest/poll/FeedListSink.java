package io.newsdelta.ingest.poll;

import java.net.URI;
import java.util.List;

/** Takes the feeds an OPML subscription list names; starts polling those it does not poll yet. */
@FunctionalInterface
public interface FeedListSink {
  /**
   * The feeds an OPML document lists.
   *
   * @param feedUrls the absolute feed URLs
   * @param listUrl the OPML document they were listed in
   */
  void listed(List<URI> feedUrls, URI listUrl);
}
