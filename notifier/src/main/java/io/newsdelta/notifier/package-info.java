/**
 * The notifier service: delivers article changes to webhooks and serves the pages that show every
 * version of an article and the word-by-word diffs between them. {@link io.newsdelta.notifier.NotifierService}
 * wires the feature packages together:
 *
 * <ul>
 *   <li>{@code webhook}: at-least-once delivery with retries, backoff and a dead-letter topic;
 *   <li>{@code view}: the in-memory store of versions the pages are rendered from;
 *   <li>{@code diff}: the word-level comparison of two versions;
 *   <li>{@code web}: the HTML pages and the HTTP server.
 * </ul>
 */
package io.newsdelta.notifier;
