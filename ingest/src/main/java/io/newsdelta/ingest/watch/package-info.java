/**
 * Watching articles: {@link io.newsdelta.ingest.watch.ArticleWatcher} learns of articles from the feeds,
 * fetches each when due (at once when new, then on the re-check schedule) with bounded concurrency,
 * publishes the versions whose body changed and saves each article's state; {@link
 * io.newsdelta.ingest.watch.ArticleChecks} is the pure decision behind it.
 */
package io.newsdelta.ingest.watch;
