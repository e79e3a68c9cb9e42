package io.newsdelta.notifier.channel;

/** One configured place alerts go; makes single attempts (the delivery lane retries). */
public interface Channel extends AutoCloseable {

  /** The channel's name (its consumer group is {@code newsdelta-notifier-<name>}). */
  String name();

  /**
   * Sends {@code event} once; never throws for a failed delivery.
   *
   * @throws InterruptedException when the thread is interrupted while waiting for the answer
   */
  Attempt send(ChangeEvent event) throws InterruptedException;

  /** Releases the channel's connections. */
  @Override
  default void close() {}
}
