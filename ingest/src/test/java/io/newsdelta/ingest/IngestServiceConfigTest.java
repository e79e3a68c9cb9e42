package io.newsdelta.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.IngestConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestServiceConfigTest {
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  @Test
  void shouldRefuseAZeroPollIntervalNamingTheKey() {
    IngestConfig config = new IngestConfig(List.of(), Duration.ZERO, List.of(ONE_MINUTE), ONE_MINUTE, 1000, "ua", 2);

    assertThatThrownBy(() -> new IngestService(config, "127.0.0.1:9"))
        .isInstanceOf(NewsdeltaException.class)
        .hasMessageContaining("ingest.feed-poll-interval is PT0S");
  }

  @Test
  void shouldRefuseANegativeRecheckGapNamingTheKey() {
    IngestConfig config =
        new IngestConfig(List.of(), ONE_MINUTE, List.of(ONE_MINUTE, ONE_MINUTE.negated()), ONE_MINUTE, 1000, "ua", 2);

    assertThatThrownBy(() -> new IngestService(config, "127.0.0.1:9"))
        .isInstanceOf(NewsdeltaException.class)
        .hasMessageContaining("ingest.article-recheck");
  }

  @Test
  void shouldRefuseNoFetchConcurrency() {
    IngestConfig config = new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, 1000, "ua", 0);

    assertThatThrownBy(() -> new IngestService(config, "127.0.0.1:9"))
        .isInstanceOf(NewsdeltaException.class)
        .hasMessageContaining("ingest.fetch-concurrency");
  }
}
