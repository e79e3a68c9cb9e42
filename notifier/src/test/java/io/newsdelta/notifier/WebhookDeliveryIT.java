package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import io.newsdelta.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes on the real topic reach real HTTP endpoints: once each, after retries, or on the dead-letter topic. */
class WebhookDeliveryIT {
  private static final String ARTICLE = "https://news.example/world/storm";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private TestBroker broker;
  private Fixtures.Producer producer;
  private final WebhookReceiver hook = WebhookReceiver.start();
  private final WebhookReceiver other = WebhookReceiver.start();
  private NotifierService notifier;

  @BeforeEach
  void startBroker() {
    broker = TestBroker.start();
    Fixtures.createTopics(broker.bootstrapServers());
    producer = new Fixtures.Producer(broker.bootstrapServers());
  }

  @AfterEach
  void stopAll() {
    if (notifier != null) {
      notifier.close();
    }
    producer.close();
    hook.close();
    other.close();
    broker.close();
  }

  private void startNotifier(int maxAttempts, Duration backoff, URI... webhooks) {
    notifier = new NotifierService(Fixtures.config(maxAttempts, backoff, webhooks), broker.bootstrapServers());
    notifier.start();
  }

  private static List<Received> postsOf(WebhookReceiver receiver, ArticleChange change) {
    return receiver.received().stream().filter(r -> change.changeId().equals(r.headers().get("idempotency-key"))).toList();
  }

  /** Waits until a later change of the same article (same partition, so handled after) has been delivered. */
  private void awaitLaterChangeDelivered(WebhookReceiver receiver, int from) throws Exception {
    ArticleChange marker = change(ARTICLE, from, from + 1);
    producer.send(marker);
    await().atMost(WAIT).until(() -> postsOf(receiver, marker).size() == 1);
  }

  @Test
  void shouldPostEachChangeOnceAsItsJsonWithIdempotencyAndCloudEventsHeaders() throws Exception {
    startNotifier(3, Duration.ofMillis(100), hook.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    producer.send(change);

    await().atMost(WAIT).until(() -> postsOf(hook, change).size() == 1);
    awaitLaterChangeDelivered(hook, 2);
    Received post = postsOf(hook, change).get(0);
    assertThat(post.path()).isEqualTo("/hook");
    assertThat(post.body()).isEqualTo(Json.write(change));
    assertThat(Json.read(post.body(), ArticleChange.class)).isEqualTo(change);
    assertThat(post.headers())
        .containsEntry("content-type", "application/json")
        .containsEntry("idempotency-key", change.changeId())
        .containsEntry("user-agent", "newsdelta/0.1")
        .containsEntry("ce-id", change.changeId())
        .containsEntry("ce-type", "io.newsdelta.article-change")
        .containsEntry("ce-source", Fixtures.SOURCE)
        .containsEntry("ce-specversion", "1.0");
    assertThat(postsOf(hook, change)).hasSize(1);
  }

  @Test
  void shouldDeliverOnceAfterTheHookFailedTwice() throws Exception {
    hook.failNext(2, 503);
    startNotifier(3, Duration.ofMillis(100), hook.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    producer.send(change);

    await().atMost(WAIT).until(() -> postsOf(hook, change).size() == 1);
    awaitLaterChangeDelivered(hook, 2);
    assertThat(hook.attempts()).isEqualTo(4); // 2 failed + 1 accepted, + the later change
    assertThat(postsOf(hook, change)).hasSize(1);
    assertThat(Consume.records(broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ, 1, Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void shouldDeadLetterForABrokenHookWhileAHealthyHookStillGetsTheChange() throws Exception {
    hook.failNext(Integer.MAX_VALUE, 500);
    startNotifier(2, Duration.ofMillis(50), hook.url(), other.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    producer.send(change);

    await().atMost(WAIT).until(() -> postsOf(other, change).size() == 1);
    List<ConsumerRecord<String, String>> dlq = Consume.records(broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ, 1, WAIT);
    assertThat(dlq).hasSize(1);
    DeadLetter letter = Json.read(dlq.get(0).value(), DeadLetter.class);
    assertThat(letter.change()).isEqualTo(change);
    assertThat(letter.channel()).isEqualTo("webhook:" + hook.url());
    assertThat(letter.attempts()).isEqualTo(2);
    assertThat(letter.lastError()).contains("HTTP 500", hook.url().toString(), Topics.NOTIFICATIONS_DLQ);
    assertThat(dlq.get(0).key()).isEqualTo(ARTICLE);
    assertThat(new String(dlq.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo("io.newsdelta.dead-letter");
    assertThat(hook.attempts()).isEqualTo(2);
    assertThat(hook.received()).isEmpty();
  }

  @Test
  void shouldDeadLetterWhenTheHookRefusesConnections() throws Exception {
    URI closed = hook.url();
    hook.close();
    startNotifier(2, Duration.ofMillis(50), closed, other.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    producer.send(change);

    List<ConsumerRecord<String, String>> dlq = Consume.records(broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ, 1, WAIT);
    assertThat(dlq).hasSize(1);
    assertThat(Json.read(dlq.get(0).value(), DeadLetter.class).lastError()).contains("connection refused");
    assertThat(postsOf(other, change)).hasSize(1);
  }
}
