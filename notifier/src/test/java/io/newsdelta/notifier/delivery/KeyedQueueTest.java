package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedQueueTest {
  private final List<String> started = new ArrayList<>();
  private final KeyedQueue<String> queue = new KeyedQueue<>(2, s -> s.substring(0, 1), started::add);

  @Test
  void shouldStartDifferentKeysConcurrentlyUpToTheLimit() {
    queue.offer("a1");
    queue.offer("b1");
    queue.offer("c1");
    assertThat(started).containsExactly("a1", "b1");
    queue.done("b1");
    assertThat(started).containsExactly("a1", "b1", "c1");
  }

  @Test
  void shouldNeverStartTwoOfOneKeyAtOnceAndKeepTheirOrder() {
    queue.offer("a1");
    queue.offer("a2");
    queue.offer("a3");
    queue.offer("b1");
    assertThat(started).containsExactly("a1", "b1");
    queue.done("a1");
    assertThat(started).containsExactly("a1", "b1", "a2");
    queue.done("b1");
    assertThat(started).containsExactly("a1", "b1", "a2");
    queue.done("a2");
    assertThat(started).containsExactly("a1", "b1", "a2", "a3");
    queue.done("a3");
    assertThat(queue.size()).isZero();
    queue.offer("a4");
    assertThat(started).endsWith("a4");
  }

  @Test
  void shouldLetAnotherKeyPassAKeyThatIsHeldUp() {
    queue.offer("a1"); // say: waiting for its retry
    queue.offer("a2");
    queue.offer("b1");
    queue.done("b1");
    queue.offer("b2");
    assertThat(started).containsExactly("a1", "b1", "b2");
  }

  @Test
  void shouldStartNothingOnceHalted() {
    queue.offer("a1");
    queue.offer("b1");
    queue.offer("c1");
    queue.halt();
    queue.done("a1");
    assertThat(started).containsExactly("a1", "b1");
    assertThat(queue.inFlight()).isEqualTo(1);
  }
}
