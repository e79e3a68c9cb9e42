package io.newsdelta.ingest.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostBackoffTest {
  @Test
  void shouldDoubleThePauseAfterEachFailureBeyondTheThresholdUpToTheMaximum() {
    HostBackoff b = new HostBackoff(() -> 0.5); // factor 1.0: no jitter

    assertThat(b.failed()).isZero();
    assertThat(b.failed()).isZero();
    assertThat(b.failed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.failed()).isEqualTo(Duration.ofSeconds(20));
    assertThat(b.failed()).isEqualTo(Duration.ofSeconds(40));
    for (int i = 0; i < 30; i++) {
      b.failed();
    }
    assertThat(b.failed()).isEqualTo(HostBackoff.MAX);
  }

  @Test
  void shouldJitterThePauseBetweenHalfAndOneAndAHalfTimes() {
    HostBackoff low = new HostBackoff(() -> 0.0);
    HostBackoff high = new HostBackoff(() -> 0.999);
    for (int i = 0; i < 2; i++) {
      low.failed();
      high.failed();
    }

    assertThat(low.failed()).isEqualTo(Duration.ofSeconds(5));
    assertThat(high.failed()).isBetween(Duration.ofMillis(14_900), Duration.ofSeconds(15));
  }

  @Test
  void shouldEndTheBackoffAtTheFirstSuccessAndSaySoOnce() {
    HostBackoff b = new HostBackoff(() -> 0.5);
    b.failed();
    assertThat(b.succeeded()).isFalse();
    for (int i = 0; i < 3; i++) {
      b.failed();
    }

    assertThat(b.succeeded()).isTrue();
    assertThat(b.backingOff()).isFalse();
    assertThat(b.failures()).isZero();
  }
}
