package io.newsdelta.diffworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.config.ConfigException;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.DiffWorkerConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** diff-worker.commit-interval: how often the worker's transaction commits, hence when alerts can go out. */
class CommitIntervalTest {

  @Test
  void shouldCommitEvery100MillisecondsByDefaultSoAlertsArePrompt() {
    DiffWorkerConfig config = ConfigLoader.parse("", Map.of()).diffWorker();
    assertThat(DiffWorkerService.streamsProperties(config, "unused:9092").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(100);
  }

  @Test
  void shouldTakeTheIntervalFromTheFileOrTheEnvironment() {
    DiffWorkerConfig file = ConfigLoader.parse("diff-worker:\n  commit-interval: 1s\n", Map.of()).diffWorker();
    DiffWorkerConfig env = ConfigLoader.parse("", Map.of("NEWSDELTA_DIFF_WORKER_COMMIT_INTERVAL", "250ms")).diffWorker();
    assertThat(DiffWorkerService.streamsProperties(file, "unused:9092").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(1000);
    assertThat(DiffWorkerService.streamsProperties(env, "unused:9092").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(250);
  }

  @Test
  void shouldRefuseANonPositiveInterval() {
    assertThatThrownBy(() -> ConfigLoader.parse("diff-worker:\n  commit-interval: 0s\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("diff-worker.commit-interval");
  }
}
