/**
 * What the pages show, read from the history store at each request: {@link
 * io.newsdelta.notifier.view.HistoryView} answers with one record per page ({@link
 * io.newsdelta.notifier.view.ArticlePage}, {@link io.newsdelta.notifier.view.DiffPage}, …), which the jte
 * templates render. Nothing is kept in memory between requests.
 */
package io.newsdelta.notifier.view;
