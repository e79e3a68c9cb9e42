package io.newsdelta.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka binary-mode headers ({@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_specversion}) so consumers in any language can use a standard SDK.
 */
public final class CloudEvents {
  public static final String TYPE_RAW_VERSION = "io.newsdelta.raw-version";
  public static final String TYPE_ARTICLE_VERSION = "io.newsdelta.article-version";
  public static final String TYPE_ARTICLE_CHANGE = "io.newsdelta.article-change";
  public static final String TYPE_INGEST_ERROR = "io.newsdelta.ingest-error";
  public static final String TYPE_DEAD_LETTER = "io.newsdelta.dead-letter";
  public static final String TYPE_INGEST_STATE = "io.newsdelta.ingest-state";
  public static final String TYPE_FEED_REGISTRATION = "io.newsdelta.feed-registration";
  public static final String TYPE_STORY = "io.newsdelta.story";

  private CloudEvents() {}

  /** Adds the four required attributes, replacing any already present. */
  public static void addHeaders(Headers headers, String id, String type, String source) {
    put(headers, "ce_id", id);
    put(headers, "ce_type", type);
    put(headers, "ce_source", source);
    put(headers, "ce_specversion", "1.0");
    put(headers, "content-type", "application/json");
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
