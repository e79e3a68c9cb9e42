/**
 * Word-level differences between two versions of an article's body (java-diff-utils underneath), grouped into
 * readable hunks.
 */
package io.newsdelta.diffworker.diff;
