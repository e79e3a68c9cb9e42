package io.newsdelta.notifier.delivery;

/** How the delivery of one change to one channel ended. */
public enum Outcome {
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Every attempt failed; the change is on the dead-letter topic. */
  DEAD_LETTERED,
  /** The endpoint answered 410 Gone: the change is on the dead-letter topic and the channel is disabled. */
  DISABLED,
  /** The notifier is stopping; the change was neither delivered nor dead-lettered and must be delivered again. */
  ABORTED
}
