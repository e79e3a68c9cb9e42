package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The promise of issue 10: an endpoint down for a while receives every change exactly once after de-duplication
 * by {@code webhook-id} and nothing is dead-lettered for it; one that never recovers gets everything dead-lettered;
 * a healthy one gets every change long before the failing one's retries end.
 */
class DeliveryGuaranteeIT {
  private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("guarantee-test-secret-key".getBytes());

  private static ChannelConfig hook(String name, WebhookReceiver r) {
    return new ChannelConfig(name, "webhook", r.url(), SECRET, null, List.of(), null);
  }

  @Test
  void shouldDeliverExactlyOncePerEndpointDeadLetterOnlyTheDeadOneAndNeverDelayTheHealthyOne() throws Exception {
    try (TestBroker broker = TestBroker.start(); WebhookReceiver flaky = WebhookReceiver.start();
        WebhookReceiver dead = WebhookReceiver.start(); WebhookReceiver healthy = WebhookReceiver.start();
        Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      flaky.failNext(6, 503); // down for its first six attempts, then back
      dead.failNext(Integer.MAX_VALUE, 500);
      NotifierConfig config = Fixtures.config(8, Duration.ofMillis(100))
          .withDelivery(new NotifierConfig.Delivery(Duration.ofMillis(500), Duration.ofSeconds(2), 3, Duration.ofMillis(500)))
          .withChannels(List.of(hook("flaky", flaky), hook("dead", dead), hook("healthy", healthy)), List.of());
      List<ArticleChange> changes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        changes.add(change("https://news.example/story-" + (i % 3), 1 + i, 2 + i));
      }
      List<String> ids = changes.stream().map(ArticleChange::changeId).toList();

      try (NotifierService notifier = Fixtures.notifier(config, broker.bootstrapServers())) {
        notifier.start();
        for (ArticleChange c : changes) {
          producer.send(c);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received().size() == ids.size());
        // The dead endpoint needs 8 attempts (seconds of backoff) per change; it is still on its first ones.
        assertThat(dead.attempts()).isLessThanOrEqualTo(16);

        await().atMost(Duration.ofSeconds(90)).until(() -> Consume.records(
            broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ, ids.size(), Duration.ofMillis(200)).size() == ids.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(flaky).size() == ids.size());
      }

      assertThat(distinctIds(healthy)).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(distinctIds(flaky)).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(flaky.attempts()).isGreaterThan(ids.size()); // it really was down
      List<DeadLetter> dlq = Consume.records(broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ, ids.size() + 1,
          Duration.ofSeconds(2)).stream().map(r -> Json.read(r.value(), DeadLetter.class)).toList();
      assertThat(dlq).extracting(DeadLetter::channel).containsOnly("dead");
      assertThat(dlq).extracting(d -> d.change().changeId()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(dlq).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(8));
      assertThat(dead.received()).isEmpty();
    }
  }

  private static List<String> distinctIds(WebhookReceiver r) {
    return r.received().stream().map(p -> p.headers().get("webhook-id")).distinct().collect(Collectors.toList());
  }
}
