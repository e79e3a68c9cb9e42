package io.newsdelta.net;

import io.newsdelta.NewsdeltaException;

/** A connection the {@link AddressPolicy} refuses; the message says which address and how to allow it. */
public final class AddressRefusedException extends NewsdeltaException {
  private final String detail;

  /** A refused {@code url}; {@code detail} says why without naming the URL ("resolves to 10.0.0.1, a …"). */
  public AddressRefusedException(java.net.URI url, String detail) {
    super(url + " " + detail);
    this.detail = detail;
  }

  /** Why, without the URL: for messages that name the URL themselves. */
  public String detail() {
    return detail;
  }
}
