/**
 * Ingest's memory: per-article state ({@link io.newsdelta.ingest.state.ArticleState}) kept in memory and
 * changelogged to the compacted {@code newsdelta.ingest.state} topic, restored from it at start.
 */
package io.newsdelta.ingest.state;
