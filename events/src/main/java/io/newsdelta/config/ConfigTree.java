package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration document (file and environment merged), read through {@link Key}s: each value parsed,
 * defaulted and checked by its declaration.
 */
public final class ConfigTree {
  private final ObjectNode root;

  ConfigTree(ObjectNode root) {
    this.root = root;
  }

  /** The node at a dotted path, or null. */
  public JsonNode node(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node;
  }

  /** Whether the document gives the key (or the mapping) at this path. */
  public boolean has(String path) {
    JsonNode n = node(path);
    return n != null && !n.isNull();
  }

  /** The key's value: given (parsed and checked) or its default. A secret may come from its {@code -file}. */
  public <T> T get(Key<T> key) {
    JsonNode n = node(key.path());
    if (key.secret()) {
      String file = get(key.fileKey());
      if (file != null && n != null && !n.isNull()) {
        throw ConfigException.badValue(key.path() + "-file", file,
            "either " + key.path() + " or " + key.path() + "-file, not both");
      }
      if (file != null) {
        @SuppressWarnings("unchecked")
        T secret = (T) readSecret(key.path() + "-file", file);
        return key.check(secret);
      }
    }
    if (n == null || n.isNull()) {
      return key.defaultValue();
    }
    return key.type().read(key.path(), n, this, key.secret());
  }

  /** A secret from a file (trimmed: a file written by {@code echo} ends with a newline). */
  static String readSecret(String fileKey, String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException | RuntimeException e) {
      throw ConfigException.badValue(fileKey, file, "a readable file holding the secret");
    }
  }
}
