/**
 * The comparison of two versions as the pages render it: headline, standfirst and body, built on the shared
 * {@link io.newsdelta.diff.BodyDiff} so a page shows the same edits as the change event. Pure, no I/O.
 */
package io.newsdelta.notifier.diff;
