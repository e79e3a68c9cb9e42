/**
 * Feed polling: the pure {@link io.newsdelta.ingest.poll.FeedParser} (RSS and Atom via ROME, entries to
 * article URLs) and the {@link io.newsdelta.ingest.poll.FeedPoller} that fetches one feed with a
 * conditional GET and hands its entries on.
 */
package io.newsdelta.ingest.poll;
