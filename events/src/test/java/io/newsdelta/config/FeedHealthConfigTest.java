package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feed health's thresholds (issue 12: checks that stop are alerts). */
class FeedHealthConfigTest {
  @Test
  void shouldReadTheThresholdsWithZeroTurningOneOff() {
    IngestConfig ingest = ConfigLoader.parse("""
        ingest:
          stale-after: 6h
          failing-after: 0
          lag-after: 5m
          status-interval: 30s
        """, Map.of()).ingest();

    assertThat(ingest.health()).isEqualTo(new IngestConfig.Health(Duration.ofHours(6), Duration.ZERO,
        Duration.ofMinutes(5), Duration.ofSeconds(30)));
  }

  @Test
  void shouldDefaultToADayAnHourAndAQuarter() {
    assertThat(ConfigLoader.parse("", Map.of()).ingest().health()).isEqualTo(IngestConfig.Health.DEFAULT);
    assertThat(ConfigLoader.parse("", Map.of("NEWSDELTA_INGEST_STALE_AFTER", "2d")).ingest().health().staleAfter())
        .isEqualTo(Duration.ofDays(2));
  }

  @Test
  void shouldRefuseABadValueNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("ingest: {failing-after: soon}", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.failing-after").hasMessageContaining("soon");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest: {status-interval: 0}", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.status-interval");
  }
}
