/**
 * The notifier's HTTP side on Javalin: the HTML pages (precompiled jte templates, escaping by default, no
 * scripts, a Content-Security-Policy), the JSON API under {@code /api/} with its OpenAPI document, the Atom
 * feeds and the health checks. Other features add their own routes to the same server through {@link
 * io.newsdelta.notifier.web.Routes}.
 */
package io.newsdelta.notifier.web;
