/**
 * Ingest's error policy: expected failures (a feed down, an HTTP error, a page that is not HTML …) are
 * sorted into stable {@link io.newsdelta.ingest.error.ErrorKind}s with a message saying what to do
 * ({@link io.newsdelta.ingest.error.Diagnoses}), logged once at WARN without a stack trace, and published
 * as {@link io.newsdelta.events.IngestError}s through an {@link io.newsdelta.ingest.error.ErrorReporter};
 * none of them stops other work.
 */
package io.newsdelta.ingest.error;
