package io.newsdelta;

/** The one unchecked root exception of newsdelta: every failure the project raises itself is one of these. */
public class NewsdeltaException extends RuntimeException {
  public NewsdeltaException(String message) {
    super(message);
  }

  public NewsdeltaException(String message, Throwable cause) {
    super(message, cause);
  }
}
