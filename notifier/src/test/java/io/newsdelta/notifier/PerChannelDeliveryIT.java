package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.StallingReceiver;
import io.newsdelta.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each channel has its own lane and its own committed position; none waits for another. */
class PerChannelDeliveryIT {
  private static final String ARTICLE = "https://news.example/world/flood";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final NotifierFixture kafka = new NotifierFixture();

  private static long posts(WebhookReceiver receiver, ArticleChange change) {
    return receiver.received().stream()
        .filter(r -> change.changeId().equals(r.headers().get("idempotency-key"))).count();
  }

  @Test
  void shouldNotResendToAHealthyChannelWhatItTookWhileAnotherWasFailing() throws Exception {
    try (WebhookReceiver healthy = WebhookReceiver.start(); WebhookReceiver failing = WebhookReceiver.start()) {
      failing.failNext(Integer.MAX_VALUE, 503);
      ArticleChange first = change(ARTICLE, 1, 2);
      ArticleChange second = change(ARTICLE, 2, 3);
      NotifierConfig config = Fixtures.config(5, Duration.ofHours(1), healthy.url(), failing.url());

      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        kafka.producer().send(first);
        await().atMost(WAIT).until(() -> posts(healthy, first) == 1 && failing.attempts() >= 1);
      }
      failing.failNext(0, 503);
      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        kafka.producer().send(second);
        await().atMost(WAIT).until(() -> posts(failing, second) == 1 && posts(healthy, second) == 1);
      }

      assertThat(healthy.received()).extracting(r -> r.headers().get("idempotency-key"))
          .containsExactly(first.changeId(), second.changeId());
      assertThat(failing.received()).extracting(r -> r.headers().get("idempotency-key"))
          .containsExactly(first.changeId(), second.changeId());
    }
  }

  @Test
  void shouldNotLetAnEndpointThatStallsItsBodyHoldBackTheOthers() throws Exception {
    try (WebhookReceiver healthy = WebhookReceiver.start(); StallingReceiver stalling = StallingReceiver.start()) {
      NotifierConfig config = Fixtures.config(2, Duration.ofMillis(100), stalling.url(), healthy.url())
          .withDelivery(new NotifierConfig.Delivery(Duration.ofSeconds(1), Duration.ofMillis(700), 5, Duration.ofSeconds(1)));
      List<ArticleChange> changes = List.of(change(ARTICLE, 1, 2), change(ARTICLE, 2, 3), change(ARTICLE, 3, 4));

      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        for (ArticleChange c : changes) {
          kafka.producer().send(c);
        }
        // The healthy endpoint has all three while the stalled one is still on its first change's attempts.
        await().atMost(WAIT).until(() -> healthy.received().size() == 3);
        assertThat(stalling.requests()).isLessThanOrEqualTo(2);

        List<DeadLetter> dlq = Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 3, WAIT).stream()
            .map(r -> Json.read(r.value(), DeadLetter.class)).toList();
        assertThat(dlq).extracting(d -> d.change().changeId())
            .containsExactly(changes.get(0).changeId(), changes.get(1).changeId(), changes.get(2).changeId());
        assertThat(dlq).allSatisfy(d -> {
          assertThat(d.channel()).isEqualTo("webhook:" + stalling.url());
          assertThat(d.lastError()).contains("no complete answer", "headers and body");
        });
      }
      assertThat(healthy.received()).extracting(r -> r.headers().get("idempotency-key"))
          .containsExactly(changes.get(0).changeId(), changes.get(1).changeId(), changes.get(2).changeId());
    }
  }

  @Test
  void shouldDisableAGoneEndpointAndDeadLetterItsChangeWithTheReason() throws Exception {
    try (WebhookReceiver gone = WebhookReceiver.start(); WebhookReceiver healthy = WebhookReceiver.start()) {
      gone.failNext(Integer.MAX_VALUE, 410);
      NotifierConfig config = Fixtures.config(5, Duration.ofMillis(50), gone.url(), healthy.url());
      ArticleChange first = change(ARTICLE, 1, 2);
      ArticleChange second = change(ARTICLE, 2, 3);

      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        kafka.producer().send(first);
        kafka.producer().send(second);
        await().atMost(WAIT).until(() -> healthy.received().size() == 2);
        List<DeadLetter> dlq = Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 1, WAIT).stream()
            .map(r -> Json.read(r.value(), DeadLetter.class)).toList();
        assertThat(dlq).singleElement().satisfies(d -> {
          assertThat(d.reason()).isEqualTo(DeadLetter.ENDPOINT_GONE);
          assertThat(d.channel()).isEqualTo("webhook:" + gone.url());
          assertThat(d.change().changeId()).isEqualTo(first.changeId());
        });
        assertThat(gone.attempts()).isEqualTo(1); // one 410, then nothing more to a gone endpoint
      }
    }
  }
}
