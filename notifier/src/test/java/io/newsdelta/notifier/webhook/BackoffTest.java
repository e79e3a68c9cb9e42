package io.newsdelta.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheWaitAfterEachFailedAttempt() {
    assertThat(Backoff.of(Duration.ofSeconds(1), 5).schedule())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void shouldNeverWaitLongerThanTheCap() {
    Backoff backoff = new Backoff(Duration.ofMinutes(1), 30, Duration.ofMinutes(5));

    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delayAfter(29)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldNotRetryAfterTheLastAttempt() {
    Backoff backoff = Backoff.of(Duration.ofMillis(10), 2);

    assertThat(backoff.retriesAfter(1)).isTrue();
    assertThat(backoff.retriesAfter(2)).isFalse();
    assertThatThrownBy(() -> backoff.delayAfter(2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Backoff.of(Duration.ofMillis(10), 1).schedule()).isEmpty();
  }

  @Test
  void shouldRejectASchedulesWithoutAttempts() {
    assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(1), 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(-1), 3)).hasMessageContaining("negative");
  }
}
