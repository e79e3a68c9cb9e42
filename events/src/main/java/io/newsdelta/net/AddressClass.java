package io.newsdelta.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** What kind of network an address belongs to, as far as request forgery is concerned. */
public enum AddressClass {
  /** A public unicast address: allowed. */
  PUBLIC,
  /** 127.0.0.0/8, ::1. */
  LOOPBACK,
  /** 169.254.0.0/16, fe80::/10: where cloud metadata services live. */
  LINK_LOCAL,
  /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7 (unique local). */
  PRIVATE,
  /** 0.0.0.0/8, ::, multicast, broadcast, documentation and reserved ranges: never a real peer. */
  UNROUTABLE;

  /** Classifies an address; IPv4-mapped and IPv4-compatible IPv6 addresses are classified as their IPv4. */
  public static AddressClass of(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && isMappedIpv4(b)) {
      return ofIpv4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    if (address instanceof Inet4Address) {
      return ofIpv4(b);
    }
    return ofIpv6(address, b);
  }

  private static AddressClass ofIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 127) {
      return LOOPBACK;
    }
    if (first == 169 && second == 254) {
      return LINK_LOCAL;
    }
    if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
        || (first == 100 && second >= 64 && second <= 127)) {
      return PRIVATE;
    }
    if (first == 0 || first >= 224 // multicast, reserved, broadcast
        || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // 192.0.2.0/24 documentation
        || (first == 198 && (second == 18 || second == 19)) // benchmarking
        || (first == 198 && second == 51 && (b[2] & 0xff) == 100)
        || (first == 203 && second == 0 && (b[2] & 0xff) == 113)) {
      return UNROUTABLE;
    }
    return PUBLIC;
  }

  private static AddressClass ofIpv6(InetAddress address, byte[] b) {
    if (address.isLoopbackAddress()) {
      return LOOPBACK;
    }
    if (address.isLinkLocalAddress()) {
      return LINK_LOCAL;
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return PRIVATE;
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress() || address.isSiteLocalAddress()
        || ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)) {
      return address.isSiteLocalAddress() ? PRIVATE : UNROUTABLE;
    }
    return PUBLIC;
  }

  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
    return mapped || compatible;
  }
}
