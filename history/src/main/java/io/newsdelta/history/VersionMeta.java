package io.newsdelta.history;

import java.time.Instant;

/**
 * One version on an article's timeline, without its text.
 *
 * @param version 1, 2, …
 * @param observedAt when it was fetched
 * @param title its headline
 * @param url the URL it was fetched from
 */
public record VersionMeta(int version, Instant observedAt, String title, String url) {}
