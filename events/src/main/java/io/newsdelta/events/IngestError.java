package io.newsdelta.events;

import java.time.Instant;

/**
 * Something ingest could not do, on {@link Topics#INGEST_ERRORS}, keyed by the feed or page URL.
 *
 * @param feedUrl the feed concerned, or null
 * @param url the page concerned, or null
 * @param at when it happened
 * @param kind a stable machine-readable kind, for example {@code feed-http-status}, {@code feed-not-xml}
 * @param message what failed and what to do about it
 */
public record IngestError(String feedUrl, String url, Instant at, String kind, String message) {}
