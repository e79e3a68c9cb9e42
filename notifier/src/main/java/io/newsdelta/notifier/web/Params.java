package io.newsdelta.notifier.web;

import io.javalin.http.Context;

/** Query parameters, read with the one error a reader can act on. */
final class Params {
  private Params() {}

  /** A required text parameter. */
  static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new BadRequest("the query parameter '" + name + "' is missing");
    }
    return value;
  }

  /** An optional whole number of at least {@code min}. */
  static int number(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new BadRequest("'" + name + "' must be a whole number from " + min + " to " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("'" + name + "' must be a whole number from " + min + " to " + max);
    }
  }

  /** A request the server cannot answer as asked; the message is shown to the reader. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
