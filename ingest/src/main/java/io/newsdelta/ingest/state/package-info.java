/**
 * Ingest's memory: per-article state ({@link io.newsdelta.ingest.state.ArticleState}) kept in memory and
 * changelogged to the compacted {@code newsdelta.ingest.state} topic, read back from it whenever this
 * instance takes over feeds.
 */
package io.newsdelta.ingest.state;
