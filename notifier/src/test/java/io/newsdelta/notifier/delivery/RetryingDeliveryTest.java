package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.notifier.channel.Attempt;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingDeliveryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final ChangeEvent EVENT = ChangeEvent.of(
      new ArticleChange("https://a.example/1#1-2", "https://a.example/1", "https://a.example/1", "T", 1, 2,
          NOW, NOW, false, false, null, List.of(), new ChangeStats(1, 0), "one word added", "T"), "src");

  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final StopSignal stop = new StopSignal();

  /** Answers from a script, one per attempt; remembers the change ids it was sent. */
  private static final class Scripted implements Channel {
    final Deque<Attempt> answers;
    final List<String> ids = new ArrayList<>();
    volatile int calls;

    Scripted(Attempt... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public String name() {
      return "desk";
    }

    @Override
    public Attempt send(ChangeEvent event) {
      calls++;
      ids.add(event.change().changeId());
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
  }

  private RetryingDelivery delivery(Channel channel, int maxAttempts) {
    return new RetryingDelivery(channel, Backoff.of(Duration.ofMillis(1), maxAttempts),
        new CircuitBreaker(100, Duration.ofMillis(1)), deadLetters::add, stop, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void shouldDeliverOnTheFirstAttemptWhenTheEndpointAnswers2xx() {
    Scripted channel = new Scripted(Attempt.delivered(204));

    assertThat(delivery(channel, 3).deliver(EVENT)).isEqualTo(Outcome.DELIVERED);
    assertThat(channel.calls).isEqualTo(1);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldRetryWithTheSameChangeIdUntilTheEndpointAccepts() {
    Scripted channel = new Scripted(
        Attempt.rejected(500, "HTTP 500"), Attempt.unreachable("connection refused"), Attempt.delivered(200));

    assertThat(delivery(channel, 3).deliver(EVENT)).isEqualTo(Outcome.DELIVERED);
    assertThat(channel.ids).containsExactly(EVENT.change().changeId(), EVENT.change().changeId(), EVENT.change().changeId());
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldDeadLetterWithTheChannelAndTheLastErrorAfterTheLastAttempt() {
    Scripted channel = new Scripted(Attempt.rejected(503, "HTTP 503 from http://127.0.0.1:9/hook"));

    assertThat(delivery(channel, 2).deliver(EVENT)).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(channel.calls).isEqualTo(2);
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.change()).isEqualTo(EVENT.change());
      assertThat(letter.channel()).isEqualTo("desk");
      assertThat(letter.attempts()).isEqualTo(2);
      assertThat(letter.at()).isEqualTo(NOW);
      assertThat(letter.reason()).isEqualTo(DeadLetter.ATTEMPTS_EXHAUSTED);
      assertThat(letter.lastError()).contains("HTTP 503", "after 2 attempts", "newsdelta.notifications.dlq");
    });
  }

  @Test
  void shouldDeadLetterAtOnceAndDisableTheChannelWhenTheEndpointIsGone() {
    Scripted channel = new Scripted(Attempt.rejected(410, "HTTP 410 from http://127.0.0.1:9/hook"));

    assertThat(delivery(channel, 5).deliver(EVENT)).isEqualTo(Outcome.DISABLED);
    assertThat(channel.calls).isEqualTo(1);
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).isEqualTo(DeadLetter.ENDPOINT_GONE);
      assertThat(letter.lastError()).contains("410", "disabled");
    });
  }

  @Test
  void shouldWaitWhatRetryAfterAsksBeforeTheNextAttempt() {
    Scripted channel = new Scripted(Attempt.rejected(429, "HTTP 429", Duration.ofMillis(300)), Attempt.delivered(200));
    long started = System.nanoTime();

    assertThat(delivery(channel, 2).deliver(EVENT)).isEqualTo(Outcome.DELIVERED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void shouldSendNothingWhileTheCircuitIsOpen() {
    Scripted channel = new Scripted(Attempt.rejected(500, "HTTP 500"));
    CircuitBreaker circuit = new CircuitBreaker(1, Duration.ofHours(1));
    RetryingDelivery delivery = new RetryingDelivery(channel, Backoff.of(Duration.ZERO, 3), circuit,
        deadLetters::add, stop, Clock.fixed(NOW, ZoneOffset.UTC));
    Thread stopper = new Thread(() -> {
      org.awaitility.Awaitility.await().until(() -> channel.calls == 1);
      stop.stop();
    });
    stopper.start();

    assertThat(delivery.deliver(EVENT)).isEqualTo(Outcome.ABORTED);
    assertThat(channel.calls).isEqualTo(1);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldAbortWithoutDeadLetteringWhenStoppedDuringABackoff() throws Exception {
    Scripted channel = new Scripted(Attempt.rejected(500, "HTTP 500"));
    RetryingDelivery slow = new RetryingDelivery(channel, Backoff.of(Duration.ofHours(1), 3),
        new CircuitBreaker(100, Duration.ofSeconds(1)), deadLetters::add, stop, Clock.systemUTC());
    Thread stopper = new Thread(() -> {
      org.awaitility.Awaitility.await().until(() -> channel.calls == 1);
      stop.stop();
    });
    stopper.start();

    assertThat(slow.deliver(EVENT)).isEqualTo(Outcome.ABORTED);
    stopper.join();
    assertThat(channel.calls).isEqualTo(1);
    assertThat(deadLetters).isEmpty();
  }
}
