package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configuration a process runs with, key by key, as a document in {@code newsdelta.yml}'s own shape (so a
 * copy without secrets loads again): every key given or defaulted, secrets masked. What {@code config show}
 * prints.
 */
public final class EffectiveConfig {
  /** What a masked secret reads as. */
  public static final String MASK = "******";

  /** Field names inside lists of mappings whose values are secrets (a channel's {@code secret}). */
  private static final Pattern SECRET_FIELD =
      Pattern.compile("(?i).*(secret|password|token|api-?key|credential).*");

  /** Credentials carried inside URLs: query parameters, user info, chat-bot and webhook tokens in paths. */
  private static final Pattern[] SECRET_IN_URL = {
    Pattern.compile("(?i)([?&;](?:password|pass|pwd|token|secret|key|api[-_]?key|access[-_]?token|sig|signature)=)"
        + "[^&;#]*"),
    Pattern.compile("(://[^/@:\\s]*:)[^/@\\s]+(?=@)"),
    Pattern.compile("(?i)(api\\.telegram\\.org/bot)[^/?#\\s]+"),
    Pattern.compile("(?i)(hooks\\.slack\\.com/services/[^/]+/[^/]+/)[^/?#\\s]+"),
    Pattern.compile("(?i)(/api/webhooks/[^/]+/)[^/?#\\s]+"),
  };

  private EffectiveConfig() {}

  /** Every key's effective value, nested by path; keys without a value are left out. */
  public static ObjectNode of(ConfigTree tree) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Key<?> key : ConfigKeys.ALL) {
      JsonNode value = value(tree, key);
      if (value != null && !value.isNull()) {
        put(root, key.path(), value);
      }
    }
    mask(root);
    return root;
  }

  private static <T> JsonNode value(ConfigTree tree, Key<T> key) {
    if (key.path().startsWith(NotifierKeys.SMTP + ".") && !tree.has(NotifierKeys.SMTP)) {
      return null; // no mail server: its defaults would turn e-mail on
    }
    if (key.path().endsWith("-file") || key.secret()) {
      // Only what was given: a secret is either itself or its file, and has no default.
      if (!tree.has(key.path())) {
        return null;
      }
      return key.secret() ? TextNode.valueOf(MASK) : tree.node(key.path());
    }
    T value = tree.get(key);
    if (key.type().shownAsGiven()) {
      // A list of mappings is shown as it was given (its records are not the file's shape).
      return tree.has(key.path()) ? tree.node(key.path()).deepCopy() : JsonNodeFactory.instance.arrayNode();
    }
    return key.type().toNode(value);
  }

  private static void put(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    parent.set(parts[parts.length - 1], value);
  }

  /**
   * Masks, wherever they are nested, the values of secret-named fields (a {@code -file} field names a file and
   * stays) and the credentials inside URLs.
   */
  public static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        boolean secret = SECRET_FIELD.matcher(field.getKey()).matches() && !field.getKey().endsWith("-file");
        if (secret && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
          field.setValue(TextNode.valueOf(MASK));
        } else if (value.isTextual()) {
          field.setValue(TextNode.valueOf(maskUrl(value.asText())));
        } else {
          mask(value);
        }
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(maskUrl(item.asText())));
        } else {
          mask(item);
        }
      }
    }
  }

  /** A URL with its credentials masked: {@code ?password=******}, {@code user:******@}, {@code /bot******}. */
  public static String maskUrl(String text) {
    String masked = text;
    for (Pattern p : SECRET_IN_URL) {
      masked = p.matcher(masked).replaceAll("$1" + MASK);
    }
    return masked;
  }
}
