/**
 * Word-level comparison of two versions of an article, one algorithm for everything that shows a change:
 * paragraphs are aligned first (an inserted paragraph does not make every later one look edited), then each
 * edited paragraph is compared word by word and made readable (a rewritten sentence reads as one old and one
 * new sentence, not as confetti). The change events' hunks ({@link io.newsdelta.diff.Hunks}) and the
 * notifier's pages are two views of the same {@link io.newsdelta.diff.BodyDiff}. Pure functions, no I/O.
 */
package io.newsdelta.diff;
