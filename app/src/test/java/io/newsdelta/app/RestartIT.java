package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops and restarts the whole pipeline, embedded broker included, over the same data directory: an edit made
 * while it was down is announced once, and nothing before it is announced again.
 */
class RestartIT {
  @TempDir Path dataDir;

  @Test
  void shouldNeitherLoseNorRepeatAnythingAcrossRestarts() {
    try (PipelineFixture fixture = new PipelineFixture()) {
      NewsdeltaConfig config = fixture.config("", dataDir);
      try (Pipeline first = Pipeline.start(config)) {
        assertThat(Consume.records(first.bootstrapServers(), Topics.ARTICLE_VERSIONS, 1, Duration.ofSeconds(60)))
            .hasSize(1);
      }

      fixture.publish(5, 2);
      try (Pipeline second = Pipeline.start(config)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hook.received().size() >= 1);
        PipelineIT.assertSeedChange(Json.read(fixture.hook.received().get(0).body(), ArticleChange.class));
      }

      try (Pipeline third = Pipeline.start(config)) {
        int hits = fixture.site.hits(PipelineFixture.ARTICLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.site.hits(PipelineFixture.ARTICLE) >= hits + 2);
        String servers = third.bootstrapServers();
        List<ArticleVersion> versions =
            Consume.records(servers, Topics.ARTICLE_VERSIONS, 3, Duration.ofSeconds(3)).stream()
                .map(r -> Json.read(r.value(), ArticleVersion.class)).toList();
        assertThat(versions).extracting(ArticleVersion::version).containsExactly(1, 2);
        assertThat(Consume.records(servers, Topics.ARTICLE_CHANGES, 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(fixture.hook.received()).hasSize(1);
      }
    }
  }
}
