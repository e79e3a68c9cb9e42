package io.newsdelta.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether newsdelta may connect to a host. Public addresses are allowed; loopback, link-local,
 * private and unroutable ones are refused unless an entry of the allow-list (a CIDR block such as
 * {@code 10.1.0.0/16} or {@code 127.0.0.0/8}, or a host name) covers them. The check is made on the resolved
 * addresses — every address the name resolves to must pass — so a public name pointing at an internal address
 * is refused too; the JVM's address cache then hands the connection the address that was checked.
 *
 * @param allow CIDR blocks and host names that may be reached whatever their class
 */
public record AddressPolicy(List<String> allow) {
  /** The default: public addresses only. */
  public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(List.of());

  /**
   * Public addresses and this machine's loopback ({@code 127.0.0.0/8}, {@code ::1}): for the demo, the benchmarks
   * and the tests, whose sites and endpoints all run on loopback.
   */
  public static final AddressPolicy WITH_LOOPBACK = new AddressPolicy(List.of("127.0.0.0/8", "::1/128"));

  public AddressPolicy {
    allow = List.copyOf(allow);
    for (String entry : allow) {
      if (entry.contains("/")) {
        Cidr.parse(entry); // fails with a clear message on a bad block
      }
    }
  }

  /** Whether the resolved address may be connected to (the host name, when known, may be allow-listed). */
  public boolean allows(String host, InetAddress address) {
    if (AddressClass.of(address) == AddressClass.PUBLIC) {
      return true;
    }
    for (String entry : allow) {
      if (entry.contains("/") ? Cidr.parse(entry).contains(address)
          : host != null && entry.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Resolves the URL's host and checks every address it has.
   *
   * @throws AddressRefusedException naming the host, the address, its class and the config key that allows it
   * @throws UnknownHostException when the name does not resolve
   */
  public void check(URI url) throws UnknownHostException {
    String host = url.getHost();
    if (host == null) {
      throw new AddressRefusedException(url, "has no host");
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : InetAddress.getAllByName(bare)) {
      if (!allows(bare, address)) {
        throw new AddressRefusedException(url, "resolves to " + address.getHostAddress() + ", a "
            + AddressClass.of(address).name().toLowerCase(Locale.ROOT).replace('_', '-')
            + " address, which newsdelta does not connect to; if this target is deliberate, add it (or its CIDR "
            + "block) to network.allow");
      }
    }
  }
}
