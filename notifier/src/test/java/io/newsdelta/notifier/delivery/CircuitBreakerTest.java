package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.notifier.delivery.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30));

  @Test
  void shouldStayClosedUntilTheThresholdOfFailuresInARow() {
    assertThat(circuit.failed(T)).isFalse();
    assertThat(circuit.failed(T)).isFalse();
    assertThat(circuit.state(T)).isEqualTo(State.CLOSED);
    assertThat(circuit.waitBeforeAttempt(T)).isZero();

    assertThat(circuit.failed(T)).isTrue();
    assertThat(circuit.state(T)).isEqualTo(State.OPEN);
    assertThat(circuit.waitBeforeAttempt(T.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void shouldCountOnlyFailuresInARow() {
    circuit.failed(T);
    circuit.failed(T);
    circuit.succeeded();
    circuit.failed(T);
    circuit.failed(T);

    assertThat(circuit.state(T)).isEqualTo(State.CLOSED);
  }

  @Test
  void shouldLetOneTrialThroughAfterTheOpenPeriodAndReopenWhenItFails() {
    circuit.failed(T);
    circuit.failed(T);
    circuit.failed(T);
    Instant later = T.plusSeconds(30);

    assertThat(circuit.state(later)).isEqualTo(State.HALF_OPEN);
    assertThat(circuit.waitBeforeAttempt(later)).isZero();
    assertThat(circuit.failed(later)).isTrue();
    assertThat(circuit.state(later.plusSeconds(29))).isEqualTo(State.OPEN);
  }

  @Test
  void shouldCloseWhenTheTrialSucceeds() {
    circuit.failed(T);
    circuit.failed(T);
    circuit.failed(T);

    circuit.succeeded();

    assertThat(circuit.state(T.plusSeconds(30))).isEqualTo(State.CLOSED);
    assertThat(circuit.failed(T.plusSeconds(31))).isFalse();
  }
}
