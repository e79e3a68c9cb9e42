package io.newsdelta.notifier.delivery;

import io.newsdelta.events.DeadLetter;

/** Where changes go that could not be delivered. */
@FunctionalInterface
public interface DeadLetters {

  /**
   * Records {@code letter} durably before returning.
   *
   * @throws io.newsdelta.NewsdeltaException when it cannot be recorded
   */
  void publish(DeadLetter letter);
}
