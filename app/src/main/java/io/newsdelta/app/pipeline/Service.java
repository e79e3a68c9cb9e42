package io.newsdelta.app.pipeline;

/** The services a process can run. */
public enum Service {
  INGEST,
  DIFF_WORKER,
  NOTIFIER,
  /** The cross-outlet story job; runs in {@code run} unless {@code stories.enabled} is false. */
  STORIES
}
