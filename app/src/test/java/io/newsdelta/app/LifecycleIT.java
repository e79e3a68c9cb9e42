package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removal is a change, end to end on a real broker and a loopback site: ingest sees a tracked article answer 410
 * for consecutive checks over {@code ingest.removal-after}, the diff worker announces one {@code removed} change
 * (delivered to the webhook like any change); when the page comes back with a new text, one {@code restored}
 * change and then the edit.
 */
class LifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dataDir;

  @Test
  void shouldAnnounceOneRemovalWhenThePageAnswers410AndOneRestorationWhenItComesBack() {
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture();
        Pipeline pipeline = Pipeline.start(config(fixture, broker.bootstrapServers()))) {
      String servers = broker.bootstrapServers();
      assertThat(Consume.records(servers, Topics.ARTICLE_VERSIONS, 1, WAIT)).hasSize(1);

      fixture.site.serve(PipelineFixture.ARTICLE, 410, "text/html; charset=utf-8", "<h1>Gone</h1>");
      await().atMost(WAIT).until(() -> !ofKind(changes(servers), ArticleChange.Kind.REMOVED).isEmpty());
      // More 410s after the announcement announce nothing more.
      int hits = fixture.site.hits(PipelineFixture.ARTICLE);
      await().atMost(WAIT).until(() -> fixture.site.hits(PipelineFixture.ARTICLE) >= hits + 3);

      List<ArticleChange> removed = ofKind(changes(servers), ArticleChange.Kind.REMOVED);
      assertThat(removed).singleElement().satisfies(c -> {
        assertThat(c.summary()).isEqualTo("Article removed (410 Gone)");
        assertThat(c.fromVersion()).isEqualTo(1);
        assertThat(c.toVersion()).isEqualTo(1);
        assertThat(c.hunks()).isEmpty();
        assertThat(c.title()).isEqualTo("Phone and email tracking plan due");
      });
      await().atMost(WAIT).until(() -> fixture.hook.received().stream()
          .anyMatch(r -> r.body().contains("\"kind\":\"removed\"")));

      fixture.publish(5, 2);
      await().atMost(WAIT).until(() -> ofKind(changes(servers), ArticleChange.Kind.EDIT).size() == 1);
      int later = fixture.site.hits(PipelineFixture.ARTICLE);
      await().atMost(WAIT).until(() -> fixture.site.hits(PipelineFixture.ARTICLE) >= later + 3);

      List<ArticleChange> all = changes(servers);
      assertThat(all).extracting(ArticleChange::kind).containsExactly(
          ArticleChange.Kind.REMOVED, ArticleChange.Kind.RESTORED, ArticleChange.Kind.EDIT);
      assertThat(all.get(1).summary()).isEqualTo("Article restored");
      assertThat(all.get(2).fromVersion()).isEqualTo(1);
      assertThat(all.get(2).toVersion()).isEqualTo(2);
      assertThat(all).extracting(ArticleChange::changeId).doesNotHaveDuplicates();
    }
  }

  private static List<ArticleChange> changes(String servers) {
    return Consume.records(servers, Topics.ARTICLE_CHANGES, 10, Duration.ofSeconds(3)).stream()
        .map(r -> Json.read(r.value(), ArticleChange.class))
        .toList();
  }

  private static List<ArticleChange> ofKind(List<ArticleChange> changes, ArticleChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** The fixture's site checked every 200 ms; a removal needs two answers over 500 ms. */
  private NewsdeltaConfig config(PipelineFixture fixture, String bootstrapServers) {
    String yaml =
        """
        kafka:
          bootstrap-servers: "%s"
          partitions: 2
        network:
          allow: [127.0.0.0/8]
        feeds:
          - url: %s
        ingest:
          feed-poll-interval: 1s
          article-recheck: [%s]
          host-min-gap: 0
          removal-after: 500ms
          removal-checks: 2
        diff-worker:
          state-dir: %s
        stories:
          enabled: false
        notifier:
          http:
            port: 0
          webhooks:
            - url: %s
          retry:
            initial-backoff: 100ms
        history:
          database-url: "jdbc:sqlite:%s"
        """
            .formatted(bootstrapServers, fixture.site.url("/rss.xml"),
                String.join(", ", Collections.nCopies(600, "200ms")), dataDir.resolve("streams"), fixture.hook.url(),
                dataDir.resolve("history.db"));
    return ConfigLoader.parse(yaml, Map.of());
  }
}
