/**
 * E-mail alerts over SMTP (Jakarta Mail, Eclipse Angus): one multipart message per change, or with a digest
 * period one message listing the channel's changes (the delivery lane collects them), plain text and HTML with
 * the diff highlighted, the HTML built as jsoup elements so every text is escaped.
 */
package io.newsdelta.notifier.email;
