package io.newsdelta.ingest.error;

import io.newsdelta.events.IngestError;

/**
 * Where ingest's errors go: one log line and one {@link IngestError} on {@code newsdelta.ingest.errors}
 * per report. Callers report a failure once, not again while it persists.
 */
public interface ErrorReporter {
  /** Reports one error. Never throws. */
  void report(IngestError error);
}
