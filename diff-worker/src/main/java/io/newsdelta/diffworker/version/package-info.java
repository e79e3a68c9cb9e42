/**
 * Decides what counts as a new version: the pure core of the diff worker. Given the article's state and a
 * freshly extracted text, it numbers a new version when the text really changed and describes the change.
 */
package io.newsdelta.diffworker.version;
