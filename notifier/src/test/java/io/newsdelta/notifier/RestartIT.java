package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A restarted notifier picks up where the last one committed: nothing twice, nothing lost. */
class RestartIT {
  private static final String ARTICLE = "https://news.example/politics/budget";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static long posts(WebhookReceiver hook, ArticleChange change) {
    return hook.received().stream().filter(r -> change.changeId().equals(r.headers().get("idempotency-key"))).count();
  }

  @Test
  void shouldNotRedeliverCommittedChangesAndDeliverThoseProducedWhileStopped() throws Exception {
    try (TestBroker broker = TestBroker.start();
        WebhookReceiver hook = WebhookReceiver.start()) {
      Fixtures.createTopics(broker.bootstrapServers());
      try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
        ArticleChange before = change(ARTICLE, 1, 2);
        ArticleChange whileStopped = change(ARTICLE, 2, 3);
        ArticleChange after = change(ARTICLE, 3, 4);

        try (NotifierService first = service(broker, hook)) {
          first.start();
          producer.send(before);
          await().atMost(WAIT).until(() -> posts(hook, before) == 1);
        }
        producer.send(whileStopped);
        try (NotifierService second = service(broker, hook)) {
          second.start();
          producer.send(after);
          // Same article, same partition: once "after" is in, everything before it has been handled.
          await().atMost(WAIT).until(() -> posts(hook, after) == 1);
        }

        assertThat(posts(hook, before)).isEqualTo(1);
        assertThat(posts(hook, whileStopped)).isEqualTo(1);
        assertThat(hook.received())
            .extracting(r -> r.headers().get("idempotency-key"))
            .containsExactly(before.changeId(), whileStopped.changeId(), after.changeId());
      }
    }
  }

  @Test
  void shouldStopPromptlyDuringABackoffAndDeliverTheChangeOnTheNextStart() throws Exception {
    try (TestBroker broker = TestBroker.start();
        WebhookReceiver hook = WebhookReceiver.start()) {
      Fixtures.createTopics(broker.bootstrapServers());
      try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
        ArticleChange change = change(ARTICLE, 1, 2);
        hook.failNext(1, 503);
        NotifierService patient =
            Fixtures.notifier(Fixtures.config(5, Duration.ofHours(1), hook.url()), broker.bootstrapServers());
        patient.start();
        producer.send(change);
        await().atMost(WAIT).until(() -> hook.attempts() == 1);

        long started = System.nanoTime();
        patient.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        // Neither delivered nor dead-lettered, so not committed: the next run delivers it.
        try (NotifierService next = service(broker, hook)) {
          next.start();
          await().atMost(WAIT).until(() -> posts(hook, change) == 1);
        }
        assertThat(hook.attempts()).isEqualTo(2);
      }
    }
  }

  private static NotifierService service(TestBroker broker, WebhookReceiver hook) {
    return Fixtures.notifier(Fixtures.config(3, Duration.ofMillis(100), hook.url()), broker.bootstrapServers());
  }
}
