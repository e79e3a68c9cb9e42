package io.newsdelta.app.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Handling the signal ourselves (rather than in a shutdown hook) lets the main
 * thread stop the services in order and exit 0, as docs/contract.md pins.
 */
final class UntilSignal {
  private static final Logger LOG = LoggerFactory.getLogger(UntilSignal.class);

  private UntilSignal() {}

  static void await() {
    CountDownLatch stop = new CountDownLatch(1);
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          s -> {
            LOG.info("SIG{} received: stopping", s.getName());
            stop.countDown();
          });
    }
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
