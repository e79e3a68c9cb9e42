package io.newsdelta.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatchUpTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void shouldSpreadOverdueChecksOverAWindowThatGrowsWithTheirNumberUpToTheMaximum() {
    assertThat(CatchUp.window(10, Duration.ofMinutes(5))).isEqualTo(Duration.ofMillis(50));
    assertThat(CatchUp.window(100_000, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    assertThat(CatchUp.window(0, Duration.ofMinutes(5))).isZero();
  }

  @Test
  void shouldPlaceEveryOverdueCheckInTheWindowAndLeaveFutureChecksAlone() {
    Duration window = Duration.ofMinutes(5);
    Set<Long> seconds = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Instant at = CatchUp.spread("https://news.example/a/" + i, NOW.minusSeconds(3600), NOW, window);
      assertThat(at).isBetween(NOW, NOW.plus(window));
      seconds.add(at.getEpochSecond());
    }
    // Spread, not fired at once: the 1000 checks fall in many different seconds of the window.
    assertThat(seconds.size()).isGreaterThan(200);
    Instant future = NOW.plusSeconds(60);
    assertThat(CatchUp.spread("https://news.example/b", future, NOW, window)).isEqualTo(future);
    assertThat(CatchUp.spread("https://news.example/b", NOW.minusSeconds(1), NOW, Duration.ZERO)).isEqualTo(NOW);
  }
}
