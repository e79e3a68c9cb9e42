package io.newsdelta.config;

import java.net.URI;

/**
 * A configured feed.
 *
 * @param url the RSS, Atom or OPML URL
 * @param name a human name, or null
 * @param robots whether the article pages of this feed obey their site's robots.txt ({@code feeds[].robots},
 *     default true)
 */
public record FeedConfig(URI url, String name, boolean robots) {
  /** A feed whose pages obey robots.txt. */
  public FeedConfig(URI url, String name) {
    this(url, name, true);
  }
}
