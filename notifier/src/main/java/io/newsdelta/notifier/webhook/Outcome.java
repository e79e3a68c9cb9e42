package io.newsdelta.notifier.webhook;

/** How the delivery of one change to one webhook ended. */
public enum Outcome {
  /** The webhook answered 2xx. */
  DELIVERED,
  /** Every attempt failed; the change is on the dead-letter topic. */
  DEAD_LETTERED,
  /** The notifier is stopping; the change was neither delivered nor dead-lettered and must be delivered again. */
  ABORTED
}
