package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff worker's keys added for the versioning rules. */
class DiffWorkerKeysTest {

  @Test
  void shouldDefaultTheAppendOnlyPeriodToFifteenMinutes() {
    assertThat(ConfigLoader.parse("", Map.of()).diffWorker().appendOnlyPeriod()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void shouldReadTheAppendOnlyPeriodFromTheFileAndTheEnvironment() {
    assertThat(ConfigLoader.parse("diff-worker:\n  append-only-period: 5m\n", Map.of()).diffWorker().appendOnlyPeriod())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigLoader.parse("", Map.of("NEWSDELTA_DIFF_WORKER_APPEND_ONLY_PERIOD", "1h"))
            .diffWorker().appendOnlyPeriod())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldRefuseABadAppendOnlyPeriodNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("diff-worker:\n  append-only-period: often\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("diff-worker.append-only-period")
        .hasMessageContaining("often");
  }

  @Test
  void shouldNameTheTopicsAndApplicationOfAGeneration() {
    DiffWorkerConfig original = ConfigLoader.parse("", Map.of()).diffWorker();
    DiffWorkerConfig g2 = ConfigLoader.parse("diff-worker:\n  topic-generation: g2\n", Map.of()).diffWorker();

    assertThat(original.versionsTopic()).isEqualTo("newsdelta.article-versions");
    assertThat(original.applicationId()).isEqualTo("newsdelta-diff-worker");
    assertThat(g2.versionsTopic()).isEqualTo("newsdelta.article-versions.g2");
    assertThat(g2.changesTopic()).isEqualTo("newsdelta.article-changes.g2");
    assertThat(g2.applicationId()).isEqualTo("newsdelta-diff-worker.g2");
  }

  @Test
  void shouldRefuseAGenerationThatIsNotATopicSuffix() {
    assertThatThrownBy(() -> ConfigLoader.parse("diff-worker:\n  topic-generation: G 2!\n", Map.of()))
        .hasMessageContaining("diff-worker.topic-generation").hasMessageContaining("g2");
  }
}
