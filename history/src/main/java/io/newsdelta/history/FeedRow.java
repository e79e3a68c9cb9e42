package io.newsdelta.history;

import java.time.Instant;

/**
 * A source and how much of it is tracked.
 *
 * @param feedUrl the feed URL
 * @param name its name from the configuration or registry, or null
 * @param articles how many of its articles have a version
 * @param lastChanged when one of them last changed, or null
 */
public record FeedRow(String feedUrl, String name, int articles, Instant lastChanged) {}
