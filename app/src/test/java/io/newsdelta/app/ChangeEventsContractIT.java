package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer contract: a real run of the pipeline (a local site with one edit, a feed that is gone, a
 * webhook that refuses) is read by an independent client — librdkafka through kcat — and every event on
 * every public topic is validated against the schema its {@code ce_dataschema} names, as published in the
 * events jar, and its headers against the AsyncAPI document. The schemas are applied strictly here (no
 * property the schema does not know), so a producer that writes an undocumented field fails this test
 * until the schemas are regenerated; a retyped or missing required field always does.
 */
class ChangeEventsContractIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMAS = "/io/newsdelta/events/schemas/";
  private static final List<String> PUBLIC_TOPICS = List.of(Topics.RAW_VERSIONS, Topics.ARTICLE_VERSIONS,
      Topics.ARTICLE_CHANGES, Topics.INGEST_ERRORS, Topics.NOTIFICATIONS_DLQ, Topics.FEEDS);

  @TempDir Path dataDir;

  @Test
  void shouldWriteOnlyEventsThatTheirPublishedSchemasAndHeadersDescribe() {
    try (TestBroker broker = TestBroker.start();
        PipelineFixture fixture = new PipelineFixture();
        Pipeline pipeline = Pipeline.start(config(fixture, broker.bootstrapServers()))) {
      String servers = broker.bootstrapServers();
      assertThat(Consume.records(servers, Topics.ARTICLE_VERSIONS, 1, Duration.ofSeconds(60))).hasSize(1);
      fixture.publish(5, 3);
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hook.received().size() >= 1);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> !Consume.records(servers, Topics.NOTIFICATIONS_DLQ, 1, Duration.ofSeconds(1)).isEmpty());
      await().atMost(Duration.ofSeconds(30))
          .until(() -> !Consume.records(servers, Topics.INGEST_ERRORS, 1, Duration.ofSeconds(1)).isEmpty());

      Map<String, List<KcatRecord>> read = new LinkedHashMap<>();
      for (String topic : PUBLIC_TOPICS) {
        read.put(topic, kcat(servers, topic));
      }

      assertThat(read).allSatisfy((topic, records) -> assertThat(records).as(topic).isNotEmpty());
      assertThat(read.get(Topics.ARTICLE_CHANGES)).hasSize(1);
      assertThat(read.get(Topics.ARTICLE_VERSIONS)).hasSize(2);
      List<String> violations = new ArrayList<>();
      read.forEach((topic, records) -> records.forEach(r -> violations.addAll(Contract.violations(topic, r))));
      assertThat(violations).isEmpty();
    }
  }

  @Test
  void shouldRejectEventsThatAreRetypedMissARequiredFieldOrCarryAnUnknownOne() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      String servers = broker.bootstrapServers();
      String topic = "contract-check-" + System.nanoTime();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      ObjectNode good = (ObjectNode) JSON.readTree(PipelineSample.CHANGE);
      ObjectNode retyped = good.deepCopy().put("toVersion", "2");
      ObjectNode missing = good.deepCopy();
      missing.remove("changeId");
      ObjectNode unknown = good.deepCopy().put("sentiment", "grim");
      try (KafkaProducer<String, String> producer = producer(servers)) {
        for (ObjectNode value : List.of(good, retyped, missing, unknown)) {
          ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", value.toString());
          CloudEvents.addHeaders(record.headers(), "id", CloudEvents.TYPE_ARTICLE_CHANGE, "/newsdelta/diff-worker");
          producer.send(record).get(30, TimeUnit.SECONDS);
        }
      }

      List<KcatRecord> read = kcat(servers, topic);

      assertThat(read).hasSize(4);
      assertThat(Contract.violations(Topics.ARTICLE_CHANGES, read.get(0))).isEmpty();
      assertThat(Contract.violations(Topics.ARTICLE_CHANGES, read.get(1))).singleElement().asString()
          .contains("toVersion").contains("integer");
      assertThat(Contract.violations(Topics.ARTICLE_CHANGES, read.get(2))).singleElement().asString()
          .contains("changeId");
      assertThat(Contract.violations(Topics.ARTICLE_CHANGES, read.get(3))).singleElement().asString()
          .contains("sentiment");
    }
  }

  /** One record as kcat's {@code -J} envelope gives it: headers, key, payload. */
  record KcatRecord(Map<String, String> headers, String key, String payload) {}

  /**
   * Reads {@code topic} from the beginning to its end with kcat, committed records only — the command of
   * docs/consuming.md with the JSON envelope ({@code -J}) instead of a format string.
   */
  static List<KcatRecord> kcat(String servers, String topic) {
    List<String> command = List.of("kcat", "-C", "-b", servers, "-t", topic, "-o", "beginning", "-e", "-q", "-J",
        "-X", "isolation.level=read_committed");
    try {
      Path out = Files.createTempFile("kcat", ".json");
      Path err = Files.createTempFile("kcat", ".err");
      Process kcat;
      try {
        kcat = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      } catch (IOException e) {
        throw new AssertionError("kcat is not installed: apt-get install -y kcat (.ci/run does it on CI)", e);
      }
      if (!kcat.waitFor(60, TimeUnit.SECONDS)) {
        kcat.destroyForcibly();
        throw new AssertionError("kcat did not reach the end of " + topic + " within 60 s");
      }
      assertThat(kcat.exitValue()).as("kcat exit status; stderr: %s", Files.readString(err)).isZero();
      List<KcatRecord> records = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          records.add(parse(JSON.readTree(line)));
        }
      }
      Files.delete(out);
      Files.delete(err);
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static KcatRecord parse(JsonNode envelope) {
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = envelope.path("headers");
    for (int i = 0; i + 1 < h.size(); i += 2) {
      headers.put(h.get(i).asText(), h.get(i + 1).asText());
    }
    return new KcatRecord(headers, envelope.path("key").asText(null),
        envelope.path("payload").isNull() ? null : envelope.path("payload").asText());
  }

  /** The published contract: schemas from the events jar, header schemas from its AsyncAPI document. */
  static final class Contract {
    private static final JsonNode ASYNCAPI = resource("/io/newsdelta/events/asyncapi.json");
    private static final Map<String, Schema> PAYLOADS = new HashMap<>();

    static List<String> violations(String topic, KcatRecord record) {
      List<String> problems = new ArrayList<>();
      String where = topic + " key " + record.key() + ": ";
      String dataschema = record.headers().get("ce_dataschema");
      if (dataschema == null) {
        return List.of(where + "no ce_dataschema header");
      }
      JsonNode message = messageOf(topic);
      if (message == null) {
        return List.of(where + "topic not in asyncapi.json");
      }
      ObjectNode headers = JSON.createObjectNode();
      record.headers().forEach(headers::put);
      schema(message.path("headers").toString()).validate(headers.toString(), InputFormat.JSON)
          .forEach(e -> problems.add(where + "header " + e));
      if (record.payload() == null) {
        if (!topic.equals(Topics.FEEDS)) {
          problems.add(where + "null value");
        }
        return problems;
      }
      String name = dataschema.replaceFirst("^urn:newsdelta:schema:", "");
      Schema payload = PAYLOADS.computeIfAbsent(name, n -> schema(strict(resource(SCHEMAS + n + ".json")).toString()));
      payload.validate(record.payload(), InputFormat.JSON).forEach(e -> problems.add(where + e));
      return problems;
    }

    private static JsonNode messageOf(String topic) {
      for (JsonNode channel : ASYNCAPI.path("channels")) {
        if (channel.path("address").asText().equals(topic)) {
          String ref = channel.path("messages").elements().next().path("$ref").asText();
          return ASYNCAPI.at(ref.substring(1));
        }
      }
      return null;
    }

    /** The schema with {@code additionalProperties: false} on every object: nothing undocumented. */
    private static JsonNode strict(JsonNode schema) {
      JsonNode copy = schema.deepCopy();
      closeObjects(copy);
      return copy;
    }

    private static void closeObjects(JsonNode node) {
      if (node.isObject() && node.has("properties")) {
        ((ObjectNode) node).put("additionalProperties", false);
      }
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        closeObjects(children.next());
      }
    }

    private static Schema schema(String json) {
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      return registry.getSchema(json, InputFormat.JSON);
    }

    private static JsonNode resource(String path) {
      try (InputStream in = CloudEvents.class.getResourceAsStream(path)) {
        assertThat(in).as("published resource %s", path).isNotNull();
        return JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The fixture's site and hook, plus a feed that is gone and a webhook that refuses every delivery. */
  private NewsdeltaConfig config(PipelineFixture fixture, String servers) {
    fixture.site.serve("/gone.xml", 404, "text/plain", "gone");
    String yaml =
        """
        kafka:
          bootstrap-servers: "%s"
          partitions: 2
        network:
          allow: [127.0.0.0/8]
        feeds:
          - url: %s
          - url: %s
        ingest:
          feed-poll-interval: 1s
          article-recheck: [%s]
        diff-worker:
          state-dir: %s
        stories:
          state-dir: %s
        history:
          database-url: "jdbc:sqlite:%s"
        notifier:
          http:
            port: 0
          webhooks:
            - url: %s
            - url: %s
          retry:
            max-attempts: 2
            initial-backoff: 100ms
        """
            .formatted(servers, fixture.site.url("/rss.xml"), fixture.site.url("/gone.xml"),
                String.join(", ", java.util.Collections.nCopies(300, "1s")), dataDir.resolve("streams"),
                dataDir.resolve("stories"), dataDir.resolve("history.db"), fixture.hook.url(), fixture.site.url("/refusing-hook"));
    return ConfigLoader.parse(yaml, Map.of());
  }

  private static KafkaProducer<String, String> producer(String servers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** A well-formed change, as the diff worker writes one. */
  static final class PipelineSample {
    static final String CHANGE = """
        {"changeId": "https://news.example/a#1-2", "articleId": "https://news.example/a",
         "url": "https://news.example/a", "title": "New", "fromVersion": 1, "toVersion": 2,
         "fromObservedAt": "2026-12-01T10:00:00Z", "toObservedAt": "2026-12-01T10:01:00Z",
         "headlineChanged": true, "minor": false, "revertOf": null,
         "hunks": [{"op": "replace", "oldText": "old", "newText": "new"}],
         "stats": {"wordsAdded": 1, "wordsRemoved": 1}, "summary": "Version 1 → 2", "previousTitle": "Old"}
        """;

    private PipelineSample() {}
  }
}
