package io.newsdelta.notifier;

import io.newsdelta.testsupport.TestBroker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the delivery ITs need before each test: a new broker (the notifier's consumer groups and positions
 * start from nothing, so tests cannot see each other's deliveries), every newsdelta topic, and a producer of
 * the diff-worker's events. Both are closed after the test. Register with {@code @RegisterExtension}.
 */
final class NotifierFixture implements BeforeEachCallback, AfterEachCallback {
  private TestBroker broker;
  private Fixtures.Producer producer;

  /** Where the test's broker listens. */
  String bootstrap() {
    return broker.bootstrapServers();
  }

  /** Writes to the test's broker with CloudEvents headers. */
  Fixtures.Producer producer() {
    return producer;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    broker = TestBroker.start();
    Fixtures.createTopics(broker.bootstrapServers());
    producer = new Fixtures.Producer(broker.bootstrapServers());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      producer.close();
    } finally {
      broker.close();
    }
  }
}
