package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheWaitAfterEachFailedAttempt() {
    Backoff backoff = Backoff.of(Duration.ofSeconds(1), 5);

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
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
    assertThat(Backoff.of(Duration.ofMillis(10), 1).retriesAfter(1)).isFalse();
  }

  @Test
  void shouldDrawEachWaitBetweenHalfAndAllOfTheExponentialDelay() {
    Backoff backoff = Backoff.of(Duration.ofSeconds(4), 5);

    assertThat(backoff.waitAfter(2, () -> 0.0, null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.waitAfter(2, () -> 0.5, null)).isEqualTo(Duration.ofSeconds(6));
    assertThat(backoff.waitAfter(2, () -> 0.999999, null)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
  }

  @Test
  void shouldHonourALongerRetryAfterUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), 5, Duration.ofMinutes(2));

    assertThat(backoff.waitAfter(1, () -> 0.0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.waitAfter(1, () -> 0.0, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.waitAfter(3, () -> 0.0, Duration.ofMillis(10))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRejectASchedulesWithoutAttempts() {
    assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(1), 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(-1), 3)).hasMessageContaining("negative");
  }
}
