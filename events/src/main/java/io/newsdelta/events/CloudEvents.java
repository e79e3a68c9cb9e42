package io.newsdelta.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka binary-mode headers ({@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_specversion}, {@code ce_time}, {@code ce_dataschema}, {@code content-type}) so consumers in
 * any language can use a standard SDK. The contract they follow is in docs/contract.md.
 */
public final class CloudEvents {
  public static final String TYPE_RAW_VERSION = "io.newsdelta.raw-version";
  public static final String TYPE_ARTICLE_VERSION = "io.newsdelta.article-version";
  public static final String TYPE_ARTICLE_CHANGE = "io.newsdelta.article-change";
  public static final String TYPE_INGEST_ERROR = "io.newsdelta.ingest-error";
  public static final String TYPE_DEAD_LETTER = "io.newsdelta.dead-letter";
  public static final String TYPE_INGEST_STATE = "io.newsdelta.ingest-state";
  public static final String TYPE_FEED_REGISTRATION = "io.newsdelta.feed-registration";
  /** A feed's status on {@link Topics#FEEDS_STATUS} (internal: no published schema). */
  public static final String TYPE_FEED_STATUS = "io.newsdelta.feed-status";
  public static final String TYPE_STORY = "io.newsdelta.story";

  /**
   * The major version of every published schema. It never changes: fields are only added, which keeps a
   * schema compatible, and an incompatible change is not allowed (docs/contract.md, "Evolution").
   */
  public static final int SCHEMA_VERSION = 1;

  /**
   * The value record of each public event type; its JSON Schema is published as
   * {@code io/newsdelta/events/schemas/<Record>.v1.json}. Ingest's state is internal: no schema.
   */
  private static final Map<String, Class<?>> VALUE_TYPES = Map.of(
      TYPE_RAW_VERSION, RawVersion.class,
      TYPE_ARTICLE_VERSION, ArticleVersion.class,
      TYPE_ARTICLE_CHANGE, ArticleChange.class,
      TYPE_INGEST_ERROR, IngestError.class,
      TYPE_DEAD_LETTER, DeadLetter.class,
      TYPE_FEED_REGISTRATION, FeedRegistration.class,
      TYPE_STORY, StoryEvent.class);

  private CloudEvents() {}

  /**
   * The {@code dataschema} of events whose value is {@code valueType}: the {@code $id} of its published
   * schema, {@code urn:newsdelta:schema:<Record>.v1}.
   */
  public static String dataschema(Class<?> valueType) {
    return "urn:newsdelta:schema:" + valueType.getSimpleName() + ".v" + SCHEMA_VERSION;
  }

  /** The {@code dataschema} of events of CloudEvents type {@code type}; empty for a type with no schema. */
  public static Optional<String> dataschemaOfType(String type) {
    return Optional.ofNullable(VALUE_TYPES.get(type)).map(CloudEvents::dataschema);
  }

  /** The value record of each public event type, by CloudEvents type. */
  public static Map<String, Class<?>> valueTypes() {
    return VALUE_TYPES;
  }

  /** Adds the attributes of an event that happens now, replacing any already present. */
  public static void addHeaders(Headers headers, String id, String type, String source) {
    addHeaders(headers, id, type, source, Instant.now());
  }

  /**
   * Adds the attributes, replacing any already present: the four required ones, {@code ce_time},
   * {@code ce_dataschema} when the type has a published schema, and {@code content-type}.
   */
  public static void addHeaders(Headers headers, String id, String type, String source, Instant time) {
    put(headers, "ce_id", id);
    put(headers, "ce_type", type);
    put(headers, "ce_source", source);
    put(headers, "ce_specversion", "1.0");
    put(headers, "ce_time", time.toString());
    headers.remove("ce_dataschema");
    dataschemaOfType(type).ifPresent(schema -> put(headers, "ce_dataschema", schema));
    put(headers, "content-type", "application/json");
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
