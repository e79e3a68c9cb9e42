/**
 * Word-by-word comparison of two versions of an article, as a model the pages render: paragraphs are
 * aligned first, then the words of each changed paragraph. Pure functions, no I/O.
 */
package io.newsdelta.notifier.diff;
