package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a {@link Key} holds: how its YAML (or environment) value is read, what it allows (said in every error
 * and in the README table), how the environment sets it and how its value is shown.
 *
 * @param <T> the Java type of the value
 */
public final class Type<T> {
  /** How an environment variable sets a key. */
  public enum Env {
    /** The variable's text is the value. */
    TEXT,
    /** A comma-separated list, or a JSON list. */
    LIST,
    /** Only a JSON (or YAML flow) value: lists of mappings such as {@code extract.sites}. */
    JSON
  }

  /** Reads a value from its YAML node; {@code tree} answers other keys (a per-host limit's default). */
  @FunctionalInterface
  public interface Reader<T> {
    T read(String key, JsonNode node, ConfigTree tree);
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String allowed;
  private final Env env;
  private final Reader<T> reader;
  private final Predicate<T> valid;
  private final String invalid;
  private final Function<T, JsonNode> toNode;
  private final String docs;

  private Type(String allowed, Env env, Reader<T> reader, Predicate<T> valid, String invalid,
      Function<T, JsonNode> toNode) {
    this(allowed, env, reader, valid, invalid, toNode, null);
  }

  private Type(String allowed, Env env, Reader<T> reader, Predicate<T> valid, String invalid,
      Function<T, JsonNode> toNode, String docs) {
    this.docs = docs == null ? allowed : docs;
    this.allowed = Objects.requireNonNull(allowed);
    this.env = env;
    this.reader = reader;
    this.valid = valid;
    this.invalid = invalid == null ? allowed : invalid;
    this.toNode = toNode;
  }

  /** What the key allows, as errors and the README say it. */
  public String allowed() {
    return allowed;
  }

  /** What the key allows, as the README table says it (shorter where the error's wording is long). */
  public String docs() {
    return docs;
  }

  /** The same type with what it allows said as {@code docs} in the README table. */
  public Type<T> documented(String docs) {
    return new Type<>(allowed, env, reader, valid, invalid, toNode, docs);
  }

  public Env env() {
    return env;
  }

  /** Reads and checks a value. */
  public T read(String key, JsonNode node, ConfigTree tree, boolean secret) {
    return check(key, reader.read(key, node, tree), secret);
  }

  /** The value if this type allows it; else a {@link ConfigException} naming key, value and what is allowed. */
  public T check(String key, T value, boolean secret) {
    if (valid != null && (value == null || !valid.test(value))) {
      throw ConfigException.badValue(key, secret ? "(hidden)" : value == null ? "" : value, invalid);
    }
    return value;
  }

  /** Whether values of this type are shown as they were given (lists of mappings), not from the records. */
  public boolean shownAsGiven() {
    return toNode == null;
  }

  /** The value as it is written in {@code newsdelta.yml}, or null for a type shown by its input. */
  public JsonNode toNode(T value) {
    return value == null || toNode == null ? null : toNode.apply(value);
  }

  /** The value as the README shows it: {@code 5m}, {@code ""}, {@code [5m, 1h]}, "none". */
  public String show(T value) {
    JsonNode node = toNode(value);
    if (node == null || node.isNull() || node.isArray() && node.isEmpty()) {
      return "none";
    }
    return "`" + text(node) + "`";
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(text(n)));
      return "[" + String.join(", ", items) + "]";
    }
    return node.isTextual() && node.asText().isEmpty() ? "\"\"" : node.asText();
  }

  // ---- the types ----

  /** Any text. */
  public static Type<String> text() {
    return text("any text", null);
  }

  /** Text this predicate accepts. */
  public static Type<String> text(String allowed, Predicate<String> valid) {
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> scalar(key, node, allowed), valid, null,
        NODES::textNode);
  }

  /** Text that is one of {@code values} (exactly). */
  public static Type<String> oneOf(List<String> values, String allowed) {
    return text(allowed, values::contains);
  }

  /** A whole number from {@code min} to {@code max}. */
  public static Type<Integer> integer(int min, int max) {
    return integer(min, max, "a whole number from " + min + " to " + max);
  }

  /** A whole number from {@code min} to {@code max}, what is allowed said as {@code allowed}. */
  public static Type<Integer> integer(int min, int max, String allowed) {
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, allowed);
      try {
        return Integer.parseInt(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigException.badValue(key, raw, allowed);
      }
    }, v -> v >= min && v <= max, null, NODES::numberNode);
  }

  /** A decimal number this predicate accepts. */
  public static Type<Double> decimal(String allowed, Predicate<Double> valid) {
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, allowed);
      try {
        return Double.parseDouble(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigException.badValue(key, raw, allowed);
      }
    }, valid, null, NODES::numberNode);
  }

  /** {@code true} or {@code false}. */
  public static Type<Boolean> bool() {
    String allowed = "true or false";
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, allowed);
      return switch (raw.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw ConfigException.badValue(key, raw, allowed);
      };
    }, null, null, NODES::booleanNode);
  }

  /** A positive duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. */
  public static Type<Duration> duration() {
    return new Type<>(Durations.ALLOWED, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, Durations.ALLOWED);
      try {
        return Durations.parse(raw);
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key, raw, Durations.ALLOWED);
      }
    }, d -> !d.isZero() && !d.isNegative(), "a positive duration such as 30s or 5m",
        d -> NODES.textNode(Durations.format(d)), "a duration above 0: `500ms`, `30s`, `5m`, `2h`, `7d`");
  }

  /** A duration that may be zero ({@code 0}, {@code 0ms}: none). */
  public static Type<Duration> gap() {
    String allowed = "0 or " + Durations.ALLOWED;
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, allowed);
      if (raw.trim().matches("0+(ms|s|m|h|d)?")) {
        return Duration.ZERO;
      }
      try {
        return Durations.parse(raw);
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key, raw, allowed);
      }
    }, d -> !d.isNegative(), "a duration of 0 or more such as 1s",
        d -> NODES.textNode(d.isZero() ? "0" : Durations.format(d)), "`0` or a duration: `250ms`, `30s`, `5m`");
  }

  /** A file or directory path. */
  public static Type<Path> path() {
    String allowed = "a file or directory path";
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> Path.of(scalar(key, node, allowed).trim()), null, null,
        p -> NODES.textNode(p.toString()));
  }

  /** A URI; whether the key allows its scheme is for the record to check (an absolute http(s) URL). */
  public static Type<URI> uri(String allowed) {
    return new Type<>(allowed, Env.TEXT, (key, node, tree) -> {
      String raw = scalar(key, node, allowed);
      try {
        return URI.create(raw.trim());
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key, raw, allowed);
      }
    }, null, null, u -> NODES.textNode(u.toString()));
  }

  /**
   * A list of {@code element}: a YAML list, a comma-separated text, or (from the environment) either.
   *
   * @param itemField when an item is a mapping, the field that holds its value ({@code - url: …}), or null
   */
  public static <E> Type<List<E>> listOf(Type<E> element, String itemField) {
    return listOf(element, itemField, "a list, each " + element.allowed).documented("a list, each " + element.docs);
  }

  /** A list of {@code element}, what is allowed said as {@code allowed}. */
  public static <E> Type<List<E>> listOf(Type<E> element, String itemField, String allowed) {
    return new Type<>(allowed, Env.LIST, (key, node, tree) -> {
      List<JsonNode> items = new ArrayList<>();
      if (node.isArray()) {
        for (JsonNode item : node) {
          items.add(itemField != null && item.isObject() && item.has(itemField) ? item.get(itemField) : item);
        }
      } else if (node.isValueNode()) {
        for (String item : node.asText().split(",")) {
          if (!item.isBlank()) {
            items.add(NODES.textNode(item.trim()));
          }
        }
      } else {
        throw ConfigException.badValue(key, node, allowed);
      }
      List<E> result = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        result.add(element.read(key + "[" + i + "]", items.get(i), tree, false));
      }
      return List.copyOf(result);
    }, null, null, values -> {
      ArrayNode array = NODES.arrayNode();
      values.forEach(v -> array.add(element.toNode(v)));
      return array;
    });
  }

  /**
   * A structured value (a list of mappings such as {@code extract.sites}) read by {@code reader}; the
   * environment sets it with a JSON value, or with a comma-separated list when {@code env} is LIST.
   */
  public static <T> Type<T> structured(String allowed, Env env, Reader<T> reader) {
    return new Type<>(allowed, env, reader, null, null, null);
  }

  /** The text of a scalar node; a list or a mapping where a scalar belongs is an error naming the key. */
  static String scalar(String key, JsonNode node, String allowed) {
    if (node.isContainerNode()) {
      throw ConfigException.badValue(key, node, allowed);
    }
    return node.asText();
  }
}
