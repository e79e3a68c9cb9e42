/**
 * Watching articles: {@link io.newsdelta.ingest.watch.ArticleWatcher} learns of articles from the feeds,
 * fetches each when due (at once when new, then on the re-check schedule) with bounded concurrency,
 * publishes the versions whose body changed and saves each article's state; {@link
 * io.newsdelta.ingest.watch.ArticleChecks} is the pure decision behind it, and {@link
 * io.newsdelta.ingest.watch.ArticleBook} the pure account of which articles are this instance's.
 */
package io.newsdelta.ingest.watch;
