package io.newsdelta.ingest;

import io.newsdelta.testsupport.TestBroker;

/**
 * One broker for all ingest ITs in a test JVM, started on first use and stopped when the JVM exits:
 * starting a broker costs seconds, and every test keeps to its own URLs (each has its own web server
 * port), so the tests can share topics without seeing each other's records.
 */
final class SharedBroker {
  private static TestBroker broker;

  private SharedBroker() {}

  /** The bootstrap servers of the shared broker, with every newsdelta topic created. */
  static synchronized String bootstrapServers() {
    if (broker == null) {
      TestBroker started = TestBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ingest-it-broker-stop"));
      Fixtures.createTopics(started.bootstrapServers());
      broker = started;
    }
    return broker.bootstrapServers();
  }
}
