package io.newsdelta.notifier;

import io.newsdelta.config.HistoryConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.net.AddressPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Events and a producer for the notifier's integration tests, shaped as the diff-worker writes them. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final String SOURCE = "/newsdelta/diff-worker";

  private Fixtures() {}

  /** A notifier that may post to this machine's loopback, where every test endpoint runs. */
  static NotifierService notifier(NotifierConfig config, String bootstrapServers) {
    return notifier(config, HistoryConfig.defaults(), bootstrapServers);
  }

  /** The same with its own history store. */
  static NotifierService notifier(NotifierConfig config, HistoryConfig history, String bootstrapServers) {
    return new NotifierService(config, history, bootstrapServers, List.of(), AddressPolicy.WITH_LOOPBACK);
  }

  static NotifierConfig config(int maxAttempts, Duration backoff, URI... webhooks) {
    return new NotifierConfig("127.0.0.1", 0, List.of(webhooks), maxAttempts, backoff);
  }

  static void createTopics(String bootstrap) {
    TopicAdmin.ensure(bootstrap, Topics.all(2));
  }

  static ArticleChange change(String articleId, int from, int to) {
    return new ArticleChange(
        ArticleChange.idOf(articleId, from, to), articleId, articleId, "Storm batters coast", from, to,
        T0.plusSeconds(600L * from), T0.plusSeconds(600L * to), true, false, null,
        List.of(new Hunk(Hunk.Op.REPLACE, "Ten", "Twelve")), new ChangeStats(1, 1),
        "Headline changed; 1 word replaced", "Storm hits coast");
  }

  static ArticleVersion version(String articleId, int n, int minutes, String title, String... paragraphs) {
    return new ArticleVersion(
        articleId, articleId, n, T0.plusSeconds(60L * minutes), title, null, List.of(paragraphs), "sha-" + n, null);
  }

  /** Produces events with CloudEvents headers and waits for the broker's ack. */
  static final class Producer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    Producer(String bootstrap) {
      producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
          new StringSerializer(), new ByteArraySerializer());
    }

    void send(ArticleChange change) throws Exception {
      send(Topics.ARTICLE_CHANGES, change.articleId(), change.changeId(), CloudEvents.TYPE_ARTICLE_CHANGE, change);
    }

    void send(ArticleVersion version) throws Exception {
      send(Topics.ARTICLE_VERSIONS, version.articleId(), version.articleId() + "#" + version.version(),
          CloudEvents.TYPE_ARTICLE_VERSION, version);
    }

    /** Sends bytes as they are, without CloudEvents headers: what a broken producer might write. */
    void sendRaw(String topic, String key, byte[] value) throws Exception {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    private void send(String topic, String key, String id, String type, Object value) throws Exception {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, Json.writeBytes(value));
      CloudEvents.addHeaders(record.headers(), id, type, SOURCE);
      producer.send(record).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
