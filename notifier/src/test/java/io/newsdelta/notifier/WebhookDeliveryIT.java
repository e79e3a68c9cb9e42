package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.HistoryConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.WebhookReceiver;
import io.newsdelta.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes on the real topic reach real HTTP endpoints: once each, after retries, or on the dead-letter topic. */
class WebhookDeliveryIT {
  private static final String ARTICLE = "https://news.example/world/storm";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final NotifierFixture kafka = new NotifierFixture();
  private final WebhookReceiver hook = WebhookReceiver.start();
  private final WebhookReceiver other = WebhookReceiver.start();
  private NotifierService notifier;

  @AfterEach
  void stopAll() {
    if (notifier != null) {
      notifier.close();
    }
    hook.close();
    other.close();
  }

  private void startNotifier(int maxAttempts, Duration backoff, URI... webhooks) {
    notifier = Fixtures.notifier(Fixtures.config(maxAttempts, backoff, webhooks), kafka.bootstrap());
    notifier.start();
  }

  private static List<Received> postsOf(WebhookReceiver receiver, ArticleChange change) {
    return receiver.received().stream().filter(r -> change.changeId().equals(r.headers().get("idempotency-key"))).toList();
  }

  /** Waits until a later change of the same article (same partition, so handled after) has been delivered. */
  private void awaitLaterChangeDelivered(WebhookReceiver receiver, int from) throws Exception {
    ArticleChange marker = change(ARTICLE, from, from + 1);
    kafka.producer().send(marker);
    await().atMost(WAIT).until(() -> postsOf(receiver, marker).size() == 1);
  }

  @Test
  void shouldPostEachChangeOnceAsItsJsonWithIdempotencyAndCloudEventsHeaders() throws Exception {
    startNotifier(3, Duration.ofMillis(100), hook.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().send(change);

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
  void shouldSignEachAttemptWithTheSameWebhookIdSoReceiversVerifyAndDeduplicate() throws Exception {
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("a key of 24 bytes for it".getBytes(StandardCharsets.UTF_8));
    hook.failNext(1, 503);
    notifier = Fixtures.notifier(
        Fixtures.config(3, Duration.ofMillis(50)).withChannels(
            List.of(new io.newsdelta.config.ChannelConfig("signed", "webhook", hook.url(), secret, null, List.of(), null)),
            List.of()),
        kafka.bootstrap());
    notifier.start();
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().send(change);

    await().atMost(WAIT).until(() -> postsOf(hook, change).size() == 1);
    Received post = postsOf(hook, change).get(0);
    assertThat(post.headers()).containsEntry("webhook-id", change.changeId()).containsKey("webhook-timestamp");
    assertThat(Long.parseLong(post.headers().get("webhook-timestamp")))
        .isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
    java.util.Map<String, List<String>> headers = new java.util.HashMap<>();
    post.headers().forEach((k, v) -> headers.put(k, List.of(v)));
    org.assertj.core.api.Assertions.assertThatCode(
        () -> new com.standardwebhooks.Webhook(secret).verify(post.body(), headers)).doesNotThrowAnyException();
    headers.put("webhook-id", List.of("another-id"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new com.standardwebhooks.Webhook(secret).verify(post.body(), headers))
        .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
  }

  @Test
  void shouldDeliverOnceAfterTheHookFailedTwice() throws Exception {
    hook.failNext(2, 503);
    startNotifier(3, Duration.ofMillis(100), hook.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().send(change);

    await().atMost(WAIT).until(() -> postsOf(hook, change).size() == 1);
    awaitLaterChangeDelivered(hook, 2);
    assertThat(hook.attempts()).isEqualTo(4); // 2 failed + 1 accepted, + the later change
    assertThat(postsOf(hook, change)).hasSize(1);
    assertThat(Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 1, Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void shouldPostNothingToAnEndpointOnAnAddressThePolicyRefusesAndDeadLetterWithTheReason() throws Exception {
    notifier = new NotifierService(Fixtures.config(1, Duration.ofMillis(10), hook.url()),
        HistoryConfig.defaults(), kafka.bootstrap(), List.of(), AddressPolicy.PUBLIC_ONLY);
    notifier.start();
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().send(change);

    List<ConsumerRecord<String, String>> dlq = Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 1, WAIT);
    DeadLetter letter = Json.read(dlq.get(0).value(), DeadLetter.class);
    assertThat(letter.change().changeId()).isEqualTo(change.changeId());
    assertThat(letter.lastError()).contains(hook.url().toString(),
        "resolves to 127.0.0.1, a loopback address, which newsdelta does not connect to", "network.allow");
    assertThat(hook.received()).isEmpty();
  }

  @Test
  void shouldDeadLetterForBrokenHooksWhileAHealthyHookStillGetsTheChange() throws Exception {
    hook.failNext(Integer.MAX_VALUE, 500);
    URI refusing;
    try (WebhookReceiver gone = WebhookReceiver.start()) {
      refusing = gone.url();
    }
    startNotifier(2, Duration.ofMillis(50), hook.url(), refusing, other.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().send(change);

    await().atMost(WAIT).until(() -> postsOf(other, change).size() == 1);
    List<ConsumerRecord<String, String>> dlq = Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 2, WAIT);
    assertThat(dlq).hasSize(2);
    Map<String, DeadLetter> byChannel =
        dlq.stream().map(r -> Json.read(r.value(), DeadLetter.class)).collect(Collectors.toMap(DeadLetter::channel, d -> d));
    assertThat(byChannel).containsOnlyKeys("webhook:" + hook.url(), "webhook:" + refusing);
    DeadLetter rejected = byChannel.get("webhook:" + hook.url());
    assertThat(rejected.change()).isEqualTo(change);
    assertThat(rejected.attempts()).isEqualTo(2);
    assertThat(rejected.lastError()).contains("HTTP 500", hook.url().toString(), Topics.NOTIFICATIONS_DLQ);
    assertThat(byChannel.get("webhook:" + refusing).lastError()).contains("connection refused");
    assertThat(dlq).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo(ARTICLE);
      assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
          .isEqualTo("io.newsdelta.dead-letter");
    });
    assertThat(hook.attempts()).isEqualTo(2);
    assertThat(hook.received()).isEmpty();
    assertThat(postsOf(other, change)).hasSize(1);
  }

  @Test
  void shouldSkipAnUnreadableChangeAndDeliverTheNextOne() throws Exception {
    startNotifier(2, Duration.ofMillis(50), hook.url());
    ArticleChange change = change(ARTICLE, 1, 2);

    kafka.producer().sendRaw(Topics.ARTICLE_CHANGES, ARTICLE, "{not json".getBytes(StandardCharsets.UTF_8));
    kafka.producer().send(change);

    await().atMost(WAIT).until(() -> postsOf(hook, change).size() == 1);
    assertThat(hook.attempts()).isEqualTo(1);
  }
}
