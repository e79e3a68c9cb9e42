package io.newsdelta.ingest.poll;

import java.net.URI;

/** Takes the article URLs a feed lists; knows which are new. */
@FunctionalInterface
public interface ArticleSink {
  /**
   * An article URL found in a feed.
   *
   * @param articleUrl the absolute URL of the entry
   * @param feedUrl the feed it was found in
   */
  void found(URI articleUrl, URI feedUrl);
}
