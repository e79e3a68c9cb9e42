package io.newsdelta.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Cidr(byte[] network, int prefix) {
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    try {
      String literal = text.substring(0, slash).trim();
      if (!literal.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException(text);
      }
      byte[] network = InetAddress.getByName(literal).getAddress();
      int prefix = Integer.parseInt(text.substring(slash + 1).trim());
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(text);
      }
      return new Cidr(network, prefix);
    } catch (UnknownHostException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a CIDR block; write an address, a slash and a prefix length, e.g. 10.0.0.0/8");
    }
  }

  boolean contains(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (b[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (b[full] & mask) == (network[full] & mask);
  }
}
