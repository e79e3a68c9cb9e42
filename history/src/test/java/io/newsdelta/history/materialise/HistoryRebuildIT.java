package io.newsdelta.history.materialise;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.history.HistoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild after {@code replay} and the operator's switch: it reads the versions of the topic generation named by
 * {@code diff-worker.topic-generation}, not the original topics, on a real broker into a real SQLite file.
 */
class HistoryRebuildIT {
  private static final String ARTICLE = "https://news.example/world/flood";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  @RegisterExtension final TopicsFixture kafka = new TopicsFixture("g2");

  @Test
  void shouldRebuildFromTheCurrentTopicGenerationAfterASwitch() throws Exception {
    // The original generation made by an older extractor: two versions with the old text.
    send(Topics.ARTICLE_VERSIONS, version(1, "Flood headline (old extractor)"));
    send(Topics.ARTICLE_VERSIONS, version(2, "Flood headline (old extractor) 2"));
    // The replay's generation g2: one version with the new extractor's text.
    send(Topics.ARTICLE_VERSIONS + ".g2", version(1, "Flood headline"));
    try (HistoryStore store = HistoryStore.open("jdbc:sqlite:" + Files.createDirectories(dir).resolve("h.db"))) {
      StringWriter out = new StringWriter();
      long read = HistoryRebuild.run(kafka.bootstrap(), "g2", store.writer(), new PrintWriter(out));

      assertThat(read).isEqualTo(1);
      assertThat(store.reader().versionCount()).isEqualTo(1);
      assertThat(store.reader().article(ARTICLE).orElseThrow().title()).isEqualTo("Flood headline");

      // Without a generation it is the original topics, as before the switch.
      long original = HistoryRebuild.run(kafka.bootstrap(), store.writer(), new PrintWriter(out));
      assertThat(original).isEqualTo(2);
      assertThat(store.reader().article(ARTICLE).orElseThrow().title()).isEqualTo("Flood headline (old extractor) 2");
    }
  }

  private void send(String topic, ArticleVersion v) throws Exception {
    kafka.send(topic, ARTICLE, ARTICLE + "#" + v.version(), v);
  }

  private static ArticleVersion version(int n, String title) {
    return new ArticleVersion(ARTICLE, ARTICLE, n, T0.plusSeconds(600L * n), title, null,
        List.of("Paragraph of version " + n + "."), "sha-" + title.hashCode(), null);
  }
}
