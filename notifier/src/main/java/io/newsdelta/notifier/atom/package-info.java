/**
 * Atom feeds of changes (ROME): one entry per change, identified by its change id as a {@code tag:} URI so that
 * feed readers never show a change twice, titled with the versions and the headline, the diff as content.
 */
package io.newsdelta.notifier.atom;
