package io.newsdelta.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  @Test
  void shouldBeReadyOnlyWhenEveryCheckPassesAndNameEachFailingOne() {
    AtomicBoolean assigned = new AtomicBoolean();
    Readiness readiness = new Readiness()
        .add("kafka", Optional::empty)
        .add("ingest", () -> assigned.get() ? Optional.empty() : Optional.of("waiting for partitions"))
        .add("broken", () -> {
          throw new IllegalStateException("boom");
        });

    assertThat(readiness.notReady())
        .containsExactly("ingest: waiting for partitions", "broken: the check failed: boom");

    assigned.set(true);
    assertThat(readiness.notReady()).containsExactly("broken: the check failed: boom");
    assertThat(new Readiness().add("kafka", Optional::empty).notReady()).isEmpty();
  }
}
