package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.app.Main;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dlq list} shows what is on the dead-letter topic; {@code dlq redrive} sends it to its channel again. */
class AlertCommandsIT {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static ArticleChange change(int from) {
    String id = "https://news.example/a";
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    return new ArticleChange(ArticleChange.idOf(id, from, from + 1), id, id, "Title", from, from + 1, t, t, false, false,
        null, List.of(new Hunk(Hunk.Op.INSERT, "", "new words")), new ChangeStats(2, 0), "2 words added", "Title");
  }

  @Test
  void shouldListDeadLettersAndRedriveThemToTheChannelNamedInEach() throws Exception {
    try (TestBroker broker = TestBroker.start(); WebhookReceiver hook = WebhookReceiver.start();
        WebhookReceiver other = WebhookReceiver.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(1));
      ArticleChange toHook = change(1);
      ArticleChange toOther = change(2);
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
          new StringSerializer(), new ByteArraySerializer())) {
        for (DeadLetter letter : List.of(
            new DeadLetter(toHook, "desk", 5, "HTTP 503", Instant.now()),
            new DeadLetter(toOther, "webhook:" + other.url(), 5, "HTTP 500", Instant.now()))) {
          producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS_DLQ, letter.change().articleId(), Json.writeBytes(letter)))
              .get(30, TimeUnit.SECONDS);
        }
      }
      Path config = Files.writeString(dir.resolve("newsdelta.yml"), String.join("\n",
          "kafka:", "  bootstrap-servers: " + broker.bootstrapServers(),
          "network:", "  allow: [127.0.0.0/8]",
          "notifier:", "  retry:", "    initial-backoff: 10ms",
          "  webhooks: [\"" + other.url() + "\"]",
          "  channels:", "    - {name: desk, kind: webhook, url: \"" + hook.url() + "\"}", ""));

      assertThat(run("dlq", "list", "--config", config.toString())).as(err.toString()).isZero();
      List<DeadLetter> listed = out.toString().lines().map(l -> Json.read(l, DeadLetter.class)).toList();
      assertThat(listed).extracting(DeadLetter::channel).containsExactly("desk", "webhook:" + other.url());

      out.getBuffer().setLength(0);
      assertThat(run("dlq", "redrive", "--config", config.toString(), "--channel", "desk")).as(err.toString()).isZero();
      assertThat(out.toString()).contains("redriven " + toHook.changeId() + " to desk");
      assertThat(hook.received()).singleElement()
          .satisfies(r -> assertThat(r.headers()).containsEntry("idempotency-key", toHook.changeId()));
      assertThat(other.received()).isEmpty();

      hook.failNext(Integer.MAX_VALUE, 500);
      out.getBuffer().setLength(0);
      assertThat(run("dlq", "redrive", "--config", config.toString())).isEqualTo(1);
      assertThat(out.toString()).contains("not redriven " + toHook.changeId() + " to desk", "HTTP 500")
          .contains("redriven " + toOther.changeId() + " to webhook:" + other.url());
      assertThat(other.received()).singleElement()
          .satisfies(r -> assertThat(r.headers()).containsEntry("idempotency-key", toOther.changeId()));

      // subscriptions add / list / remove, on the same broker and config
      out.getBuffer().setLength(0);
      assertThat(run("subscriptions", "add", "budget", "--config", config.toString(), "--channel", "desk",
          "--text", "budget", "--min-words", "3")).as(err.toString()).isZero();
      assertThat(run("subscriptions", "add", "bad", "--config", config.toString(), "--channel", "nowhere")).isEqualTo(2);
      assertThat(err.toString()).contains("no channel named nowhere");
      out.getBuffer().setLength(0);
      assertThat(run("subscriptions", "list", "--config", config.toString())).isZero();
      assertThat(out.toString().lines().map(l -> Json.read(l, io.newsdelta.config.SubscriptionConfig.class)).toList())
          .singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("budget");
            assertThat(s.minWords()).isEqualTo(3);
            assertThat(s.channels()).containsExactly("desk");
          });
      assertThat(run("subscriptions", "remove", "budget", "--config", config.toString())).isZero();
      out.getBuffer().setLength(0);
      assertThat(run("subscriptions", "list", "--config", config.toString())).isZero();
      assertThat(out.toString()).isBlank();
    }
  }
}
