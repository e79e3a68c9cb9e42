package io.newsdelta.ingest.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gate's "not before" time: Retry-After and backoff, and the changes it reports. */
class HostGateTest {
  private static final String ORIGIN = "https://a.example/";

  private static HostGate gate() {
    return new HostGate(new HostLimits(4, Duration.ZERO, List.of()), () -> 0.5);
  }

  @Test
  void shouldHoldEveryRequestToAHostUntilItsRetryAfterHasPassed() {
    try (HostGate gate = gate()) {
      long before = System.nanoTime();
      gate.answered("a.example", ORIGIN, true, Duration.ofSeconds(2), "HTTP 503");

      CompletableFuture<HostGate.Permit> next = gate.acquire("a.example");
      CompletableFuture<HostGate.Permit> other = gate.acquire("b.example");

      assertThat(next).isNotDone();
      assertThat(other).as("another host is not paused").isDone();
      assertThat(gate.notBefore("a.example") - before).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
      next.join().release();
      assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
    }
  }

  @Test
  void shouldCapARetryAfterAtHalfAnHourAndStretchAZeroOneToASecond() {
    try (HostGate gate = gate()) {
      long before = System.nanoTime();
      gate.answered("a.example", ORIGIN, true, Duration.ofHours(6), "HTTP 429");
      gate.answered("b.example", ORIGIN, true, Duration.ZERO, "HTTP 429");

      assertThat(gate.notBefore("a.example") - before)
          .isBetween(HostGate.MAX_RETRY_AFTER.toNanos(), HostGate.MAX_RETRY_AFTER.plusSeconds(5).toNanos());
      assertThat(gate.notBefore("b.example") - before)
          .isBetween(HostGate.MIN_RETRY_AFTER.toNanos(), HostGate.MIN_RETRY_AFTER.plusSeconds(5).toNanos());
    }
  }

  @Test
  void shouldBackOffAfterFailuresInARowAndReportEachChangeOnce() {
    try (HostGate gate = gate()) {
      List<HostGate.Change> changes = new ArrayList<>();
      gate.listener(changes::add);

      gate.answered("a.example", ORIGIN, true, null, "no connection");
      gate.answered("a.example", ORIGIN, true, null, "no connection");
      assertThat(gate.acquire("a.example")).as("below the threshold the host is not paused").isDone();
      assertThat(gate.backingOff("a.example")).isFalse();
      long before = System.nanoTime();
      gate.answered("a.example", ORIGIN, true, null, "HTTP 500");
      gate.answered("a.example", ORIGIN, true, null, "HTTP 500");

      assertThat(gate.backingOff("a.example")).isTrue();
      assertThat(gate.acquire("a.example")).isNotDone();
      // The first pause is the base (times a jitter of 1.0 here), the next one twice that.
      assertThat(gate.notBefore("a.example") - before).isGreaterThanOrEqualTo(HostBackoff.BASE.multipliedBy(2).toNanos());
      assertThat(changes).singleElement().satisfies(c -> {
        assertThat(c.backingOff()).isTrue();
        assertThat(c.pause()).isEqualTo(HostBackoff.BASE);
        assertThat(c.detail()).isEqualTo("HTTP 500");
        assertThat(c.origin()).isEqualTo(ORIGIN);
      });

      gate.answered("a.example", ORIGIN, false, null, "HTTP 200");
      gate.answered("a.example", ORIGIN, false, null, "HTTP 200");

      assertThat(gate.backingOff("a.example")).isFalse();
      assertThat(changes).hasSize(2);
      assertThat(changes.get(1).backingOff()).isFalse();
    }
  }
}
