package io.newsdelta.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.events.Topics;
import io.newsdelta.events.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AsyncAPI 3.0 document of the public topics, built from {@link Topics#all(int)} (names, partitions,
 * configs), {@link TopicDocs} (keys, writers, guarantees) and the generated schemas (values), so that it
 * cannot say anything the code does not do.
 */
final class AsyncApiGenerator {
  static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  private final SchemaGenerator schemas;

  AsyncApiGenerator(SchemaGenerator schemas) {
    this.schemas = schemas;
  }

  /** The partitions of the article topics when newsdelta creates them: the config default. */
  static int defaultPartitions() {
    return ConfigLoader.parse("", Map.of()).kafka().partitions();
  }

  /** The topics of {@link Topics#all(int)} that neither {@link TopicDocs} list names. */
  static List<String> undocumentedTopics() {
    List<String> missing = new ArrayList<>();
    for (TopicSpec spec : Topics.all(defaultPartitions())) {
      if (TopicDocs.of(spec.name()).isEmpty() && !TopicDocs.INTERNAL.contains(spec.name())) {
        missing.add(spec.name());
      }
    }
    return missing;
  }

  ObjectNode document() {
    ObjectNode doc = JSON.objectNode();
    doc.put("asyncapi", "3.0.0");
    doc.put("id", "urn:newsdelta:events");
    ObjectNode info = doc.putObject("info");
    info.put("title", "newsdelta change events");
    info.put("version", ProjectVersion.release());
    info.put("description", "The public Kafka topics of newsdelta: raw page versions, article versions, the"
        + " changes between them, ingest errors, undelivered notifications and the feed registry. Values are"
        + " JSON (UTF-8, ISO-8601 UTC times), described by JSON Schema draft 2020-12; every record carries"
        + " CloudEvents 1.0 binary-mode headers (ce_*). Fields are only ever added: readers must ignore fields"
        + " they do not know. Topics are partitioned by key with Kafka's default partitioner, so one"
        + " article's events are on one partition, in order. See docs/contract.md and docs/consuming.md.");
    doc.put("defaultContentType", "application/json");
    ObjectNode embedded = doc.putObject("servers").putObject("embedded");
    embedded.put("host", "127.0.0.1:9092");
    embedded.put("protocol", "kafka");
    embedded.put("description", "The embedded broker of `run` and `demo` (kafka.embedded.port); any cluster"
        + " set in kafka.bootstrap-servers carries the same topics.");

    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = doc.putObject("operations");
    ObjectNode components = doc.putObject("components");
    ObjectNode messages = components.putObject("messages");
    ObjectNode schemaComponents = components.putObject("schemas");
    for (TopicSpec spec : Topics.all(defaultPartitions())) {
      TopicDocs topic = TopicDocs.of(spec.name()).orElse(null);
      if (topic == null) {
        continue;
      }
      String name = topic.value().getSimpleName();
      channels.set(topic.id(), channel(spec, topic, name));
      operations.set("send" + Character.toUpperCase(topic.id().charAt(0)) + topic.id().substring(1),
          operation(topic, name));
      messages.set(name, message(topic, name));
      ObjectNode schema = schemaComponents.putObject(name);
      schema.put("schemaFormat", SCHEMA_FORMAT);
      schema.set("schema", schemas.schema(topic.value()));
    }
    return doc;
  }

  String text() {
    return Pretty.print(document());
  }

  private static ObjectNode channel(TopicSpec spec, TopicDocs topic, String message) {
    ObjectNode channel = JSON.objectNode();
    channel.put("address", spec.name());
    channel.put("title", spec.name());
    channel.put("description", topic.description() + " Written by " + topic.writtenBy() + ". Key: "
        + topic.key() + ". " + retention(spec.configs()) + " Delivery: " + topic.delivery());
    channel.putObject("messages").putObject(message).put("$ref", "#/components/messages/" + message);
    ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
    kafka.put("topic", spec.name());
    kafka.put("partitions", spec.partitions());
    ObjectNode configs = kafka.putObject("topicConfiguration");
    spec.configs().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> configs.set(e.getKey(), configValue(e.getKey(), e.getValue())));
    kafka.put("bindingVersion", "0.5.0");
    return channel;
  }

  /** Kafka's topic configs as the binding types them: lists as arrays, numbers as integers. */
  private static JsonNode configValue(String key, String value) {
    if (key.equals("cleanup.policy")) {
      ArrayNode policies = JSON.arrayNode();
      for (String policy : value.split(",")) {
        policies.add(policy.strip());
      }
      return policies;
    }
    return NUMBER.matcher(value).matches() ? JSON.numberNode(Long.parseLong(value)) : JSON.textNode(value);
  }

  private static String retention(Map<String, String> configs) {
    String policy = configs.getOrDefault("cleanup.policy", "delete");
    if (policy.contains("compact")) {
      return "Compacted: the last value of each key is kept.";
    }
    String ms = configs.get("retention.ms");
    if (ms == null) {
      return "Retention: the broker's default (log.retention.hours, 7 days unless the cluster says otherwise).";
    }
    if (ms.equals("-1")) {
      return "Retention: kept for ever (retention.ms=-1).";
    }
    return "Retention: " + Long.parseLong(ms) / 3_600_000 + " hours (retention.ms=" + ms + ").";
  }

  private static ObjectNode operation(TopicDocs topic, String message) {
    ObjectNode op = JSON.objectNode();
    op.put("action", "send");
    op.putObject("channel").put("$ref", "#/channels/" + topic.id());
    op.put("summary", topic.writtenBy() + " writes " + message + " events to " + topic.topic() + ".");
    op.put("description", topic.delivery());
    op.putArray("messages").addObject().put("$ref", "#/channels/" + topic.id() + "/messages/" + message);
    return op;
  }

  private ObjectNode message(TopicDocs topic, String name) {
    ObjectNode message = JSON.objectNode();
    message.put("name", name);
    message.put("title", name);
    message.put("summary", RecordDocs.of(topic.value()).description());
    message.put("contentType", "application/json");
    message.set("headers", CloudEventHeaders.schema(topic));
    message.putObject("payload").put("$ref", "#/components/schemas/" + name);
    ObjectNode kafka = message.putObject("bindings").putObject("kafka");
    ObjectNode key = kafka.putObject("key");
    key.put("type", "string");
    key.put("description", topic.key());
    kafka.put("bindingVersion", "0.5.0");
    return message;
  }

  /** The project's version without {@code -SNAPSHOT}, read from the module's POM. */
  static final class ProjectVersion {
    private ProjectVersion() {}

    static String release() {
      String pom = ContractFiles.read(ContractFiles.moduleDir().resolve("pom.xml"));
      Matcher parent = Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>").matcher(pom);
      return parent.find() ? parent.group(1).replace("-SNAPSHOT", "") : "0.0.0";
    }
  }
}
