package io.newsdelta.notifier.channel;

import java.time.Duration;

/**
 * The result of one delivery attempt to a channel.
 *
 * @param delivered whether the endpoint took the change (answered 2xx)
 * @param status the HTTP status, or 0 when no complete answer came
 * @param error what went wrong, for logs and the dead-letter topic; null when delivered
 * @param retryAfter the wait the endpoint asked for ({@code Retry-After}), or null
 */
public record Attempt(boolean delivered, int status, String error, Duration retryAfter) {

  /** The endpoint answered {@code status} in the 2xx range. */
  public static Attempt delivered(int status) {
    return new Attempt(true, status, null, null);
  }

  /** The endpoint answered with a status other than 2xx. */
  public static Attempt rejected(int status, String error) {
    return new Attempt(false, status, error, null);
  }

  /** The endpoint answered with a status other than 2xx and asked to be retried after a while. */
  public static Attempt rejected(int status, String error, Duration retryAfter) {
    return new Attempt(false, status, error, retryAfter);
  }

  /**
   * Nothing was sent: the endpoint's host resolves to an address the address policy refuses. It fails like an
   * unreachable endpoint, so after the attempts the change is dead-lettered with this reason, and {@code dlq
   * redrive} delivers it once {@code network.allow} lists the address.
   */
  public static Attempt refused(String error) {
    return new Attempt(false, 0, error, null);
  }

  /** No complete answer: connection refused, timed out, reset, a body that never ended. */
  public static Attempt unreachable(String error) {
    return new Attempt(false, 0, error, null);
  }

  /** 410 Gone: the endpoint says it will never take anything again. */
  public boolean gone() {
    return status == 410;
  }
}
