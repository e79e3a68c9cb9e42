package io.newsdelta.broker;

/**
 * The embedded broker could not be started or stopped.
 *
 * <p>The message is written for the person running the program: it says what went wrong and, where
 * there is one, which setting to change (for example a port that is already in use).
 */
public final class BrokerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the operator.
   *
   * @param message what went wrong and what to do about it
   */
  public BrokerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the operator and the underlying cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause   the error reported by Kafka or the operating system
   */
  public BrokerException(String message, Throwable cause) {
    super(message, cause);
  }
}
