package io.newsdelta.config;

import io.newsdelta.net.AddressPolicy;
import java.util.List;

/**
 * Which addresses newsdelta connects to: feeds, pages, their redirects and every alert endpoint. Public
 * addresses always; loopback, link-local, private and cloud-metadata addresses only when {@code network.allow}
 * lists them (a CIDR block such as {@code 10.1.0.0/16}, or a host name), so that a feed publisher cannot make
 * newsdelta fetch an internal page.
 *
 * @param allow {@code network.allow}: the deliberate internal targets
 */
public record NetworkConfig(List<String> allow) {
  public NetworkConfig {
    allow = List.copyOf(allow);
    try {
      new AddressPolicy(allow);
    } catch (IllegalArgumentException e) {
      throw ConfigException.badValue("network.allow", allow, "CIDR blocks (10.0.0.0/8) or host names: "
          + e.getMessage());
    }
  }

  /** The default: public addresses only. */
  public static NetworkConfig defaults() {
    return new NetworkConfig(List.of());
  }

  /** The policy the fetchers and senders apply. */
  public AddressPolicy policy() {
    return new AddressPolicy(allow);
  }
}
