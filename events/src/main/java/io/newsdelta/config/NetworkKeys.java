package io.newsdelta.config;

import java.util.List;

/** {@code network.allow} and how it makes {@link NetworkConfig}. */
public final class NetworkKeys {
  public static final Key<List<String>> ALLOW = Key.of("network.allow",
      Type.listOf(Type.text("a CIDR block (127.0.0.0/8, 10.0.0.0/8) or a host name", null), null), List.of(),
      "CIDR blocks (`10.0.0.0/8`, `127.0.0.0/8`) or host names newsdelta may connect to although they are not "
          + "public. By default every feed, page, robots.txt, redirect hop (and `extract URL`) and every webhook "
          + "and chat endpoint is checked on the addresses its host resolves to, just before the request, and "
          + "loopback, link-local (`169.254.0.0/16`, `fe80::/10`, cloud metadata), private and unroutable "
          + "addresses are refused: nothing is sent; a feed or page gets one `address-refused` error naming the "
          + "address and this key, an alert fails its attempts and is dead-lettered with that reason (`dlq "
          + "redrive` once the key allows it). The SMTP server is the operator's own and is not checked. A feed "
          + "publisher cannot make newsdelta fetch an internal page. The demo and the benchmarks allow "
          + "`127.0.0.0/8` for their loopback sites");

  public static final List<Key<?>> ALL = List.of(ALLOW);

  private NetworkKeys() {}

  static NetworkConfig bind(ConfigTree v) {
    return new NetworkConfig(v.get(ALLOW));
  }
}
