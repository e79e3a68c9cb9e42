package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
  /** Nothing listens here: building a client does not connect. */
  private static final String SERVERS = "127.0.0.1:1";

  @Test
  void shouldNameEachClientAfterItsServiceRoleAndNumber() {
    KafkaClients clients = new KafkaClients(SERVERS, "ingest");

    assertThat(clients.clientId("registry")).isEqualTo("newsdelta-ingest-registry-1");
    assertThat(clients.clientId("registry")).isEqualTo("newsdelta-ingest-registry-2");
    assertThat(clients.clientId("restore")).isEqualTo("newsdelta-ingest-restore-1");
    assertThat(clients.consumerProperties("publish", Map.of()).get("client.id"))
        .isEqualTo("newsdelta-ingest-publish-1");
  }

  @Test
  void shouldNotReuseTheIdOfALiveClientOfAnotherFactoryOfTheSameService() {
    KafkaClients first = new KafkaClients(SERVERS, "twin");
    KafkaClients second = new KafkaClients(SERVERS, "twin");
    try (KafkaConsumer<String, String> a = first.consumer("log", Map.of(), new StringDeserializer(),
        new StringDeserializer())) {
      assertThat(a.metrics()).isNotEmpty();
      assertThat(second.clientId("log")).isEqualTo("newsdelta-twin-log-2");
    }
  }

  @Test
  void shouldApplyDefaultsThenSharedSettingsThenTheCallersOwn() {
    KafkaClients clients = new KafkaClients(SERVERS, "notifier",
        Map.of("security.protocol", "SASL_SSL", "compression.type", "lz4"));

    Properties consumer = clients.consumerProperties("lane", Map.of("group.id", "g", "isolation.level",
        "read_uncommitted"));
    assertThat(consumer).containsEntry("bootstrap.servers", SERVERS).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("enable.auto.commit", "false").containsEntry("auto.offset.reset", "earliest")
        .containsEntry("isolation.level", "read_uncommitted").containsEntry("group.id", "g");

    Properties producer = clients.producerProperties("dlq", Map.of("linger.ms", 5));
    assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
        .containsEntry("compression.type", "lz4").containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", 5);

    Properties admin = clients.adminProperties("topics", Map.of());
    assertThat(admin).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("acks")
        .containsEntry("client.id", "newsdelta-notifier-topics-1");
  }

  @Test
  void shouldKeepAClientIdTheCallerChose() {
    Properties p = new KafkaClients(SERVERS, "app").consumerProperties("tail", Map.of("client.id", "mine"));

    assertThat(p).containsEntry("client.id", "mine");
  }

  @Test
  void shouldGiveStreamsItsApplicationIdAndAClientIdItsThreadsAreNamedAfter() {
    Properties p = new KafkaClients(SERVERS, "diff-worker", Map.of("security.protocol", "SSL"))
        .streamsProperties("newsdelta-diff-worker", Map.of("num.stream.threads", 2));

    assertThat(p).containsEntry("application.id", "newsdelta-diff-worker")
        .containsEntry("client.id", "newsdelta-diff-worker-streams-1").containsEntry("bootstrap.servers", SERVERS)
        .containsEntry("security.protocol", "SSL").containsEntry("num.stream.threads", 2)
        .doesNotContainKey("enable.auto.commit");
  }

  @Test
  void shouldUseTheEmbeddedBrokersListenerWhenNoServersAreConfigured() {
    KafkaSettings embedded = new KafkaSettings("", 3, new KafkaSettings.Embedded(19092, 0, Path.of("data")),
        Duration.ofDays(7));

    assertThat(new KafkaClients(embedded, "app").bootstrapServers()).isEqualTo("127.0.0.1:19092");
  }

  @Test
  void shouldTellTheObserverOfEachProducerAndConsumer() {
    List<String> seen = new ArrayList<>();
    KafkaClients clients = new KafkaClients(SERVERS, "observed").observed(KafkaClients.Observer.of(
        (service, producer) -> seen.add(service + " producer " + producer.metrics().isEmpty()),
        (service, consumer) -> seen.add(service + " consumer " + consumer.metrics().isEmpty())));
    try (KafkaProducer<String, String> p = clients.producer("out", Map.of(), new StringSerializer(),
            new StringSerializer());
        KafkaConsumer<String, String> c = clients.consumer("in", Map.of(), new StringDeserializer(),
            new StringDeserializer())) {
      assertThat(seen).containsExactly("observed producer false", "observed consumer false");
      assertThat(p.metrics().keySet()).anyMatch(n -> "newsdelta-observed-out-1".equals(n.tags().get("client-id")));
      assertThat(c.metrics().keySet()).anyMatch(n -> "newsdelta-observed-in-1".equals(n.tags().get("client-id")));
    }
  }

  @Test
  void shouldRefuseNamesThatWouldMakeOddClientIds() {
    assertThatThrownBy(() -> new KafkaClients(SERVERS, "Ingest Service")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KafkaClients(" ", "ingest")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KafkaClients(SERVERS, "ingest").clientId("a_b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
