package io.newsdelta.app;

import io.newsdelta.app.demo.SeedStory;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.testsupport.LocalWebServer;
import io.newsdelta.testsupport.WebhookReceiver;
import java.nio.file.Path;
import java.util.Map;

/** A local news site with the seed story and a webhook receiver, and the configuration that watches them. */
final class PipelineFixture implements AutoCloseable {
  static final String ARTICLE = "/news/uk-politics-8020039";

  final LocalWebServer site = LocalWebServer.start();
  final WebhookReceiver hook = WebhookReceiver.start();

  PipelineFixture() {
    site.serve("/rss.xml", "application/rss+xml", SeedStory.version(4).rss(site.url("/").toString(), articleUrl()));
    publish(4, 1);
  }

  String articleUrl() {
    return site.url(ARTICLE).toString();
  }

  /** Serves the given version of the story in the given boilerplate render. */
  void publish(int version, int render) {
    site.serve(ARTICLE, "text/html; charset=utf-8", SeedStory.version(version).page(articleUrl(), render));
  }

  /** Watches the site with a fast schedule, on an existing cluster or an embedded broker over dataDir. */
  NewsdeltaConfig config(String bootstrapServers, Path dataDir) {
    return config(bootstrapServers, dataDir, "", "");
  }

  /**
   * The same, with more YAML lines under {@code feeds:} (each {@code "  - url: …\n"}) and under {@code ingest:}
   * (each {@code "  key: value\n"}).
   */
  NewsdeltaConfig config(String bootstrapServers, Path dataDir, String moreFeeds, String moreIngest) {
    String yaml =
        """
        kafka:
          bootstrap-servers: "%s"
          partitions: 2
          embedded:
            port: 0
            data-dir: %s
        network:
          allow: [127.0.0.0/8]
        feeds:
          - url: %s
        %s
        ingest:
          feed-poll-interval: 1s
          article-recheck: [%s]
        %s
        diff-worker:
          state-dir: %s
        stories:
          state-dir: %s
        history:
          database-url: "jdbc:sqlite:%s"
        notifier:
          http:
            port: 0
          webhooks:
            - url: %s
          retry:
            initial-backoff: 100ms
        """
            .formatted(bootstrapServers, dataDir.resolve("kafka"), site.url("/rss.xml"), moreFeeds.stripTrailing(),
                String.join(", ", java.util.Collections.nCopies(300, "1s")), moreIngest.stripTrailing(),
                dataDir.resolve("streams"),
                dataDir.resolve("stories"), dataDir.resolve("history.db"), hook.url());
    return ConfigLoader.parse(yaml, Map.of());
  }

  @Override
  public void close() {
    site.close();
    hook.close();
  }
}
