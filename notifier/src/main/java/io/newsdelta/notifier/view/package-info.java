/**
 * What the pages show: every version of every tracked article, held in memory. {@link
 * io.newsdelta.notifier.view.ArticleStore} is a plain thread-safe store fed with events; {@link
 * io.newsdelta.notifier.view.VersionFeed} fills it by reading the version and change topics from the
 * beginning when the notifier starts, then keeps it current.
 */
package io.newsdelta.notifier.view;
