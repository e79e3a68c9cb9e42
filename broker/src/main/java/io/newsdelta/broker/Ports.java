package io.newsdelta.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: find a free port, and check that a chosen one is free before Kafka tries it. */
final class Ports {

  static final String LOOPBACK = "127.0.0.1";

  private Ports() {
  }

  /** Returns a port that was free on the loopback interface a moment ago. */
  static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new BrokerException("cannot find a free loopback port: " + e.getMessage(), e);
    }
  }

  /** Whether a listener could bind {@code port} on the loopback interface right now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Kafka's acceptor sets SO_REUSEADDR too; match it so a port in TIME_WAIT counts as free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
