package io.newsdelta.history;

/**
 * An article and how many times it changed in a period.
 *
 * @param article the article
 * @param changes its changes in the period
 */
public record RevisedRow(ArticleRow article, int changes) {}
