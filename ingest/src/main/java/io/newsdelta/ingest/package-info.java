/**
 * The ingest service ({@link io.newsdelta.ingest.IngestService}): feeds in, raw page versions out.
 * Features live in sub-packages: {@code registry} (which feeds this instance polls; OPML import and export), {@code poll} (feeds),
 * {@code sitemap} (sitemaps as a kind of feed), {@code discover} (what a site advertises, for {@code feeds
 * discover}),
 * {@code fetch} (HTTP and decoding), {@code schedule} (when to re-check), {@code watch} (articles, their
 * checks and what is published), {@code state} (what survives restarts), {@code publish} (Kafka output),
 * {@code error} (error kinds and messages), {@code health} (stale and failing feeds, lag behind the schedule,
 * each feed's status for {@code feeds list}).
 */
package io.newsdelta.ingest;
