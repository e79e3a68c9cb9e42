package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline, feed to webhook, on a real broker: the acceptance test of the foundation. */
class PipelineIT {
  private static final List<String> BOILERPLATE =
      List.of("Most read", "Holiday offers", "Last updated", "cookies", "Share on", "Sign up", "Privacy");

  @TempDir Path dataDir;

  @Test
  void shouldAnnounceTheEditOnceAndIgnoreTheBoilerplateRerender() {
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture();
        Pipeline pipeline = Pipeline.start(fixture.config(broker.bootstrapServers(), dataDir))) {
      String servers = broker.bootstrapServers();
      assertThat(Consume.records(servers, Topics.ARTICLE_VERSIONS, 1, Duration.ofSeconds(60))).hasSize(1);

      // A re-render of the boilerplate only: ingest fetches it and publishes nothing, as the text is the same.
      int hitsBeforeRerender = fixture.site.hits(PipelineFixture.ARTICLE);
      fixture.publish(4, 2);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> fixture.site.hits(PipelineFixture.ARTICLE) >= hitsBeforeRerender + 2);
      assertThat(Consume.records(servers, Topics.RAW_VERSIONS, 2, Duration.ofSeconds(3))).hasSize(1);
      assertThat(Consume.records(servers, Topics.ARTICLE_CHANGES, 1, Duration.ofSeconds(3))).isEmpty();

      fixture.publish(5, 3);
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hook.received().size() >= 1);
      awaitRawVersions(servers, 2);
      int hitsAfterEdit = fixture.site.hits(PipelineFixture.ARTICLE);
      await().atMost(Duration.ofSeconds(30)).until(() -> fixture.site.hits(PipelineFixture.ARTICLE) >= hitsAfterEdit + 2);

      List<ConsumerRecord<String, String>> changes =
          Consume.records(servers, Topics.ARTICLE_CHANGES, 2, Duration.ofSeconds(3));
      assertThat(changes).hasSize(1);
      assertThat(fixture.hook.received()).hasSize(1);
      assertSeedChange(Json.read(changes.get(0).value(), ArticleChange.class));
      assertSeedChange(Json.read(fixture.hook.received().get(0).body(), ArticleChange.class));
      assertThat(changes.get(0).headers().lastHeader("ce_type")).isNotNull();
      assertThat(Consume.records(servers, Topics.ARTICLE_VERSIONS, 3, Duration.ofSeconds(3))).hasSize(2);
    }
  }

  private static void awaitRawVersions(String servers, int count) {
    await().atMost(Duration.ofSeconds(60))
        .until(() -> Consume.records(servers, Topics.RAW_VERSIONS, count, Duration.ofSeconds(2)).size() >= count);
  }

  static void assertSeedChange(ArticleChange change) {
    assertThat(change.fromVersion()).isEqualTo(1);
    assertThat(change.toVersion()).isEqualTo(2);
    assertThat(change.headlineChanged()).isTrue();
    assertThat(change.previousTitle()).isEqualTo("Phone and email tracking plan due");
    assertThat(change.title()).isEqualTo("Plan to monitor all internet use");
    assertThat(change.hunks()).isNotEmpty().allSatisfy(h -> assertThat(h.op()).isEqualTo(Hunk.Op.REPLACE));
    assertThat(change.hunks())
        .anySatisfy(h -> assertThat(h.oldText()).contains("Ministers say the move is needed so police"))
        .anySatisfy(h -> assertThat(h.newText()).contains("Home Secretary Jacqui Smith ruled out creating a single database"));
    assertThat(change.hunks())
        .allSatisfy(h -> assertThat(h.oldText() + " " + h.newText()).doesNotContain(BOILERPLATE));
  }
}
