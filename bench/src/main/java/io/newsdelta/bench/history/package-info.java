/**
 * The history store's load run ({@link io.newsdelta.bench.history.HistoryLoad}): fills a store with synthetic
 * articles through the materialiser's writer, then times the pages over real HTTP.
 */
package io.newsdelta.bench.history;
