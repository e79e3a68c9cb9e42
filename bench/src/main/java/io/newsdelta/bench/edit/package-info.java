/**
 * The simulated site's editor: real edits (headline, paragraph rewritten, inserted, deleted) and
 * boilerplate-only re-renders at set rates, each written to a {@link io.newsdelta.bench.edit.Ledger} with
 * the text change it should cause, so alerts can be checked against what really changed.
 */
package io.newsdelta.bench.edit;
