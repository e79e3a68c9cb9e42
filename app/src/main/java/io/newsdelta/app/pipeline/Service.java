package io.newsdelta.app.pipeline;

/** The three services a process can run. */
public enum Service {
  INGEST,
  DIFF_WORKER,
  NOTIFIER
}
