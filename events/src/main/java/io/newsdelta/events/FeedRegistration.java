package io.newsdelta.events;

/**
 * An entry of the feed registry, on the compacted {@link Topics#FEEDS}, keyed by feed URL. A null value
 * (tombstone) removes the feed.
 *
 * @param url the feed URL
 * @param name a human name for the feed, or null
 */
public record FeedRegistration(String url, String name) {}
