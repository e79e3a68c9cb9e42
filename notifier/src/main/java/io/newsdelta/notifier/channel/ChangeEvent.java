package io.newsdelta.notifier.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import java.io.IOException;

/**
 * A change as read from {@code newsdelta.article-changes}: the record, the fields it may not have yet, and the
 * JSON exactly as written (webhooks get it byte for byte, fields this version does not know included).
 *
 * @param change the change
 * @param kind {@code edit}, {@code removed}, {@code moved} or {@code restored}; {@code edit} when absent
 * @param feedUrl the feed the article came from, when the change carries it; else null
 * @param json the change's JSON as written on the topic
 * @param source its CloudEvents source
 */
public record ChangeEvent(ArticleChange change, String kind, String feedUrl, byte[] json, String source) {

  /**
   * Reads a change from its JSON.
   *
   * @throws NewsdeltaException when it is not a change
   */
  public static ChangeEvent read(byte[] json, String source) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      ArticleChange change = Json.mapper().treeToValue(node, ArticleChange.class);
      return new ChangeEvent(change, textOr(node, "kind", "edit"), textOr(node, "feedUrl", null), json, source);
    } catch (IOException | IllegalArgumentException e) {
      throw new NewsdeltaException("not a valid ArticleChange JSON document: " + e.getMessage(), e);
    }
  }

  /** A change built in code (redrives, tests): its JSON written by the shared serde. */
  public static ChangeEvent of(ArticleChange change, String source) {
    return read(Json.writeBytes(change), source);
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
  }
}
