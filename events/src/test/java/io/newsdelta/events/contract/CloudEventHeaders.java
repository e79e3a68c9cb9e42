package io.newsdelta.events.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.events.CloudEvents;

/**
 * The schema of the CloudEvents binary-mode headers a topic's records carry, as the AsyncAPI message
 * {@code headers}. The contract test validates the headers of real records against it.
 */
final class CloudEventHeaders {
  private CloudEventHeaders() {}

  static ObjectNode schema(TopicDocs topic) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    string(props, "ce_id", "Unique per event (with ce_source); stable across re-sends where the event has an id of"
        + " its own (a change's changeId, a version's articleId#version).");
    constant(props, "ce_type", topic.ceType(), "The CloudEvents type of the value.");
    constant(props, "ce_source", topic.ceSource(), "The service that wrote the event.");
    constant(props, "ce_specversion", "1.0", "CloudEvents 1.0.");
    ObjectNode time = props.putObject("ce_time");
    time.put("type", "string");
    time.put("format", "date-time");
    time.put("description", "When the event was produced (RFC 3339, UTC).");
    constant(props, "ce_dataschema", CloudEvents.dataschema(topic.value()),
        "The $id of the value's JSON Schema (components.schemas, and schemas/<Record>.v1.json in the events jar).");
    constant(props, "content-type", "application/json", "The value is JSON, UTF-8.");
    schema.putArray("required").add("ce_id").add("ce_type").add("ce_source").add("ce_specversion")
        .add("ce_time").add("ce_dataschema").add("content-type");
    return schema;
  }

  private static void string(ObjectNode props, String name, String description) {
    ObjectNode p = props.putObject(name);
    p.put("type", "string");
    p.put("description", description);
  }

  private static void constant(ObjectNode props, String name, String value, String description) {
    ObjectNode p = props.putObject(name);
    p.put("type", "string");
    p.put("const", value);
    p.put("description", description);
  }
}
