package io.newsdelta.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.DeadLetter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private static final URI HOOK = URI.create("http://127.0.0.1:9/hook");
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final ArticleChange CHANGE =
      new ArticleChange("https://a.example/1#1-2", "https://a.example/1", "https://a.example/1", "T", 1, 2,
          NOW, NOW, false, false, null, List.of(), new ChangeStats(1, 0), "one word added", "T");

  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final StopSignal stop = new StopSignal();

  /** Answers from a script, one per attempt. */
  private static final class Scripted implements Sender {
    final Deque<Attempt> answers;
    volatile int calls;

    Scripted(Attempt... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public Attempt send(URI webhook, ArticleChange change, String source) {
      calls++;
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
  }

  private WebhookDelivery delivery(Sender sender, int maxAttempts) {
    return new WebhookDelivery(
        sender, Backoff.of(Duration.ofMillis(1), maxAttempts), deadLetters::add, stop, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void shouldDeliverOnTheFirstAttemptWhenTheHookAnswers2xx() {
    Scripted sender = new Scripted(Attempt.delivered(204));

    assertThat(delivery(sender, 3).deliver(HOOK, CHANGE, "src")).isEqualTo(Outcome.DELIVERED);
    assertThat(sender.calls).isEqualTo(1);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldRetryUntilTheHookAccepts() {
    Scripted sender =
        new Scripted(Attempt.rejected(500, "HTTP 500"), Attempt.unreachable("connection refused"), Attempt.delivered(200));

    assertThat(delivery(sender, 3).deliver(HOOK, CHANGE, "src")).isEqualTo(Outcome.DELIVERED);
    assertThat(sender.calls).isEqualTo(3);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldDeadLetterWithTheLastErrorAfterTheLastAttempt() {
    Scripted sender = new Scripted(Attempt.rejected(503, "HTTP 503 from " + HOOK));

    assertThat(delivery(sender, 2).deliver(HOOK, CHANGE, "src")).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(sender.calls).isEqualTo(2);
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.change()).isEqualTo(CHANGE);
      assertThat(letter.channel()).isEqualTo("webhook:http://127.0.0.1:9/hook");
      assertThat(letter.attempts()).isEqualTo(2);
      assertThat(letter.at()).isEqualTo(NOW);
      assertThat(letter.lastError()).contains("HTTP 503", "after 2 attempts", "newsdelta.notifications.dlq");
    });
  }

  @Test
  void shouldAbortWithoutDeadLetteringWhenStoppedDuringABackoff() {
    Scripted sender = new Scripted(Attempt.rejected(500, "HTTP 500"));
    WebhookDelivery slow =
        new WebhookDelivery(sender, Backoff.of(Duration.ofHours(1), 3), deadLetters::add, stop, Clock.systemUTC());
    stop.stop();

    assertThat(slow.deliver(HOOK, CHANGE, "src")).isEqualTo(Outcome.ABORTED);
    assertThat(sender.calls).isZero();
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldEndABackoffAsSoonAsTheNotifierStops() throws Exception {
    Scripted sender = new Scripted(Attempt.rejected(500, "HTTP 500"));
    WebhookDelivery slow =
        new WebhookDelivery(sender, Backoff.of(Duration.ofHours(1), 3), deadLetters::add, stop, Clock.systemUTC());
    Thread stopper = new Thread(() -> {
      org.awaitility.Awaitility.await().until(() -> sender.calls == 1);
      stop.stop();
    });
    stopper.start();

    assertThat(slow.deliver(HOOK, CHANGE, "src")).isEqualTo(Outcome.ABORTED);
    stopper.join();
    assertThat(sender.calls).isEqualTo(1);
    assertThat(deadLetters).isEmpty();
  }
}
