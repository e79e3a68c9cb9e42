package io.newsdelta.config;

import java.net.URI;

/**
 * A configured feed.
 *
 * @param url the RSS, Atom or OPML URL
 * @param name a human name, or null
 */
public record FeedConfig(URI url, String name) {}
