/**
 * The web pages: the list of tracked articles and, per article, its versions and the word-by-word
 * changes between them. {@link io.newsdelta.notifier.web.Pages} renders plain server-side HTML (every
 * value escaped, no scripts) and is tested without a server; {@link io.newsdelta.notifier.web.WebServer}
 * is the thin JDK HTTP server around it.
 */
package io.newsdelta.notifier.web;
