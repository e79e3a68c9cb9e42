package io.newsdelta.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.schedule.DueQueue.Due;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueQueueTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void shouldHandOutOnlyWhatIsDueEarliestFirst() {
    DueQueue queue = new DueQueue();
    queue.schedule("b", T0.plusSeconds(20));
    queue.schedule("a", T0.plusSeconds(10));
    queue.schedule("c", T0.plusSeconds(99));

    assertThat(queue.pollDue(T0)).isEmpty();
    assertThat(queue.pollDue(T0.plusSeconds(30))).contains(new Due(T0.plusSeconds(10), "a"));
    assertThat(queue.pollDue(T0.plusSeconds(30))).contains(new Due(T0.plusSeconds(20), "b"));
    assertThat(queue.pollDue(T0.plusSeconds(30))).isEmpty();
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void shouldKeepOneEntryPerArticleTheLatestScheduled() {
    DueQueue queue = new DueQueue();
    queue.schedule("a", T0);
    queue.schedule("a", T0.plusSeconds(60));

    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.pollDue(T0.plusSeconds(1))).isEmpty();
    assertThat(queue.pollDue(T0.plusSeconds(60))).contains(new Due(T0.plusSeconds(60), "a"));
    assertThat(queue.contains("a")).isFalse();
  }
}
