package io.newsdelta.net;

import io.newsdelta.NewsdeltaException;

/** A connection the {@link AddressPolicy} refuses; the message says which address and how to allow it. */
public final class AddressRefusedException extends NewsdeltaException {
  public AddressRefusedException(String message) {
    super(message);
  }
}
