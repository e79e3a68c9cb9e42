package io.newsdelta.ingest;

import io.newsdelta.testsupport.LocalWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every ingest IT needs: the module's shared broker, a fresh loopback web server per test, and, after the
 * test, no feed left in the registry (the ITs share one broker and one consumer group, so a feed left behind
 * would be polled by the next test's instances). Register with {@code @RegisterExtension}.
 */
final class IngestTestSite implements BeforeEachCallback, AfterEachCallback {
  private LocalWebServer web;

  String bootstrap() {
    return SharedBroker.bootstrapServers();
  }

  LocalWebServer web() {
    return web;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    web = LocalWebServer.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    web.close();
    Fixtures.forgetAllFeeds(bootstrap());
  }
}
