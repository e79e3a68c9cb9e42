package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.IngestConfig;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** close() ends promptly whatever is going on: a page that never answers, a broker that is not there. */
class IngestShutdownIT {

  @AfterEach
  void forgetFeeds() {
    Fixtures.forgetAllFeeds(SharedBroker.bootstrapServers());
  }

  @Test
  void shouldStopPromptlyWhileAPageFetchHangs() throws IOException {
    AtomicInteger connections = new AtomicInteger();
    try (LocalWebServer web = LocalWebServer.start();
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> holdConnections(silent, connections), "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
      URI hanging = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/news/hangs");
      web.serve("/rss", "application/rss+xml", rss(hanging));
      // The 2 s fetch timeout this test was written with (the fixtures' default is longer).
      IngestConfig c = config(List.of(web.url("/rss")), Duration.ofSeconds(1), Duration.ofHours(1));
      IngestConfig twoSecondFetches = c.toBuilder().fetchTimeout(Duration.ofSeconds(2)).build();
      IngestService ingest = new IngestService(twoSecondFetches, SharedBroker.bootstrapServers())
          .withAddressPolicy(AddressPolicy.WITH_LOOPBACK);
      ingest.start();
      await().atMost(WAIT).until(() -> connections.get() >= 1);

      long started = System.nanoTime();
      ingest.close();
      ingest.close();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void shouldStopPromptlyWhenTheBrokerCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    IngestService ingest =
        new IngestService(config(List.of(URI.create("http://127.0.0.1:9/rss")), Duration.ofSeconds(1)),
            "127.0.0.1:" + closedPort).withAddressPolicy(AddressPolicy.WITH_LOOPBACK);
    ingest.start();

    long started = System.nanoTime();
    ingest.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }

  private static void holdConnections(ServerSocket server, AtomicInteger connections) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept(); // never answered; closed with the server
        connections.incrementAndGet();
        socket.getInputStream();
      } catch (IOException e) {
        return;
      }
    }
  }
}
