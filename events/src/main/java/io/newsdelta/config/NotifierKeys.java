package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Binds the structured notifier keys ({@code notifier.channels}, {@code notifier.subscriptions}) and secrets. */
final class NotifierKeys {
  private static final List<String> CHANNEL_FIELDS =
      List.of("name", "kind", "url", "secret", "secret-file", "chat-id", "to", "digest");
  private static final List<String> SUBSCRIPTION_FIELDS =
      List.of("name", "feeds", "url-pattern", "text", "headline-changed", "min-words", "include-minor", "kinds",
          "channels", "digest");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NotifierKeys() {}

  static List<ChannelConfig> channels(JsonNode node) {
    List<ChannelConfig> result = new ArrayList<>();
    for (JsonNode item : items(node, "notifier.channels", "a list of {name, kind, url, …}")) {
      String key = "notifier.channels[" + result.size() + "]";
      if (!item.isObject()) {
        throw ConfigException.badValue(key, item, "a mapping {name, kind, url, secret, chat-id, to, digest}");
      }
      check(item, key, CHANNEL_FIELDS);
      String url = text(item, "url");
      Duration digest = null;
      if (text(item, "digest") != null) {
        try {
          digest = Durations.parse(text(item, "digest"));
        } catch (IllegalArgumentException e) {
          throw ConfigException.badValue(key + ".digest", text(item, "digest"), e.getMessage());
        }
      }
      List<String> to = new ArrayList<>();
      JsonNode toNode = item.get("to");
      if (toNode != null && toNode.isArray()) {
        toNode.forEach(t -> to.add(t.asText()));
      } else if (toNode != null && !toNode.isNull()) {
        to.add(toNode.asText());
      }
      URI uri;
      try {
        uri = url == null ? null : URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key + ".url", url, "an absolute http(s) URL");
      }
      result.add(new ChannelConfig(text(item, "name"), text(item, "kind"), uri,
          secret(text(item, "secret"), text(item, "secret-file"), key + ".secret"), text(item, "chat-id"), to, digest));
    }
    return result;
  }

  static List<SubscriptionConfig> subscriptions(JsonNode node) {
    List<SubscriptionConfig> result = new ArrayList<>();
    for (JsonNode item : items(node, "notifier.subscriptions", "a list of {name, …, channels}")) {
      String key = "notifier.subscriptions[" + result.size() + "]";
      if (!item.isObject()) {
        throw ConfigException.badValue(key, item, "a mapping {name, feeds, url-pattern, text, …, channels}");
      }
      check(item, key, SUBSCRIPTION_FIELDS);
      ObjectNode copy = ((ObjectNode) item).deepCopy();
      for (String list : List.of("feeds", "text", "kinds", "channels")) {
        if (copy.hasNonNull(list) && !copy.get(list).isArray()) {
          copy.putArray(list).add(item.get(list).asText());
        }
      }
      try {
        result.add(MAPPER.treeToValue(copy, SubscriptionConfig.class));
      } catch (IOException e) {
        if (e.getCause() instanceof ConfigException c) {
          throw c;
        }
        throw ConfigException.badValue(key, item, "a subscription as in README.md: " + firstLine(e.getMessage()));
      }
    }
    return result;
  }

  /** A secret from its key or from the file its {@code -file} key names (trimmed); never both. */
  static String secret(String value, String file, String key) {
    if (value != null && file != null) {
      throw ConfigException.badValue(key + "-file", file, "either " + key + " or " + key + "-file, not both");
    }
    if (file == null) {
      return value;
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw ConfigException.badValue(key + "-file", file, "a readable file holding the secret");
    }
  }

  private static Iterable<JsonNode> items(JsonNode node, String key, String allowed) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ConfigException.badValue(key, node, allowed);
    }
    return node;
  }

  private static void check(JsonNode item, String key, List<String> allowed) {
    item.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        throw new ConfigException("config key " + key + "." + f + " is not known; allowed: " + allowed);
      }
    });
  }

  private static String text(JsonNode item, String field) {
    JsonNode n = item.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
