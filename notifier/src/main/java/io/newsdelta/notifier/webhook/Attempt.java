package io.newsdelta.notifier.webhook;

/**
 * The result of one POST to a webhook.
 *
 * @param delivered whether the webhook took the change (answered 2xx)
 * @param status the HTTP status, or 0 when no response came
 * @param error what went wrong, for logs and the dead-letter topic; null when delivered
 */
public record Attempt(boolean delivered, int status, String error) {

  /** The webhook answered {@code status} in the 2xx range. */
  public static Attempt delivered(int status) {
    return new Attempt(true, status, null);
  }

  /** The webhook answered with a status other than 2xx. */
  public static Attempt rejected(int status, String error) {
    return new Attempt(false, status, error);
  }

  /** No answer: connection refused, timed out, reset. */
  public static Attempt unreachable(String error) {
    return new Attempt(false, 0, error);
  }
}
