/**
 * The history store: every version and change of every article in a database (an embedded SQLite file by
 * default, PostgreSQL for shared deployments), with the schema managed by Flyway. {@link
 * io.newsdelta.history.HistoryStore} opens it; {@link io.newsdelta.history.HistoryWriter} applies events
 * idempotently and {@link io.newsdelta.history.HistoryReader} answers the pages' questions. Nothing is held in
 * memory per article: the heap does not grow with the history.
 */
package io.newsdelta.history;
