package io.newsdelta.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP endpoint on 127.0.0.1: it reads each request's head, answers {@code 200 OK} with a
 * {@code Content-Length} of a body it then never sends, and keeps the connection open until closed. A client
 * whose timeout stops at the headers waits on it for ever.
 */
public final class StallingReceiver implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private StallingReceiver() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback socket", e);
    }
    acceptor = new Thread(this::accept, "stalling-receiver-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts one on a free loopback port. */
  public static StallingReceiver start() {
    return new StallingReceiver();
  }

  /** Where to post: {@code http://127.0.0.1:<port>/hook}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
  }

  /** Requests whose head was read (and answered with headers only). */
  public int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread t = new Thread(() -> stall(socket), "stalling-receiver-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void stall(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < end.length) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      requests.incrementAndGet();
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nstart of a body"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (in.read() >= 0) {
        // keep the connection open, sending nothing, until the client or close() ends it
      }
    } catch (IOException e) {
      // the client gave up, or close(): either way this connection is done
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing to do
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
