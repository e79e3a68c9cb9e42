/**
 * Fills the history store from the topics: {@link io.newsdelta.history.materialise.Materialiser} follows them
 * in consumer group {@code newsdelta-history} and commits offsets only after the database committed, and
 * {@link io.newsdelta.history.materialise.HistoryRebuild} empties the store and reads them again from the
 * beginning. Both decode with {@link io.newsdelta.history.materialise.EventDecoder} and write with the same
 * idempotent writer.
 */
package io.newsdelta.history.materialise;
