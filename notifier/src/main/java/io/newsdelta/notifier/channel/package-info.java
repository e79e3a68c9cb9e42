/**
 * The places alerts go: one {@link io.newsdelta.notifier.channel.Channel} per configured channel, each making
 * single attempts ({@link io.newsdelta.notifier.delivery} retries). HTTP channels post through an
 * {@link io.newsdelta.notifier.channel.HttpPoster} of their own whose timeout covers the whole exchange.
 */
package io.newsdelta.notifier.channel;
