/**
 * The notifier service: delivers article changes to alert channels and serves the pages that show every
 * version of an article and the word-by-word diffs between them. {@link io.newsdelta.notifier.NotifierService}
 * wires the feature packages together:
 *
 * <ul>
 *   <li>{@code delivery}: a lane per channel, at least once, with retries, circuit breakers and a dead-letter topic;
 *   <li>{@code channel}: webhooks (Standard Webhooks signatures), Slack, Discord, Teams, ntfy, Telegram;
 *   <li>{@code email}: alerts over SMTP;
 *   <li>{@code subscription}: which change goes to which channel, and the subscription API;
 *   <li>{@code sse}: the Server-Sent Events stream of changes;
 *   <li>{@code view}: the in-memory store of versions the pages are rendered from;
 *   <li>{@code diff}: the word-level comparison of two versions;
 *   <li>{@code web}: the HTML pages and the HTTP server.
 * </ul>
 */
package io.newsdelta.notifier;
