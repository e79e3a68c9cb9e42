package io.newsdelta.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads {@code newsdelta.yml}, applies {@code NEWSDELTA_*} environment overrides and reads every value through
 * its {@link Key} declaration into the per-service records. Unknown keys and unknown {@code NEWSDELTA_*}
 * variables are errors too: a typo must not be silently ignored.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Loads a file (which must exist) with the process environment. */
  public static NewsdeltaConfig load(Path file) {
    return load(file, System.getenv());
  }

  /** Loads a file with the given environment; a missing file is an error naming it. */
  public static NewsdeltaConfig load(Path file, Map<String, String> env) {
    return bind(tree(file, env));
  }

  /** Parses YAML text with the given environment. */
  public static NewsdeltaConfig parse(String yaml, Map<String, String> env) {
    return bind(tree(yaml, env));
  }

  /** The document of a file with the environment applied, its keys checked, for reading key by key. */
  public static ConfigTree tree(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file " + file + " does not exist; pass --config FILE or create it (see README.md)");
    }
    try {
      return tree(Files.readString(file), env);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /** The document of YAML text with the environment applied, its keys checked. */
  public static ConfigTree tree(String yaml, Map<String, String> env) {
    ObjectNode root = readTree(yaml);
    applyEnvironment(root, env);
    checkKnownKeys(root, "");
    return new ConfigTree(root);
  }

  /** Every service's record, each value read through its key. */
  public static NewsdeltaConfig bind(ConfigTree v) {
    return new NewsdeltaConfig(KafkaKeys.bind(v), IngestKeys.bind(v), DiffWorkerKeys.bind(v), NotifierKeys.bind(v),
        StoriesKeys.bind(v), HistoryKeys.bind(v), ObservabilityKeys.bind(v), NetworkKeys.bind(v));
  }

  private static ObjectNode readTree(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("config: the document must be a mapping of keys (kafka, feeds, ingest, notifier)");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new ConfigException("config is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void applyEnvironment(ObjectNode root, Map<String, String> env) {
    // Sorted, so that of two bad variables the same one is reported every time.
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!e.getKey().startsWith("NEWSDELTA_")) {
        continue;
      }
      Key<?> key =
          ConfigKeys.forEnvName(e.getKey())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "environment variable " + e.getKey() + " names no config key; known: "
                              + ConfigKeys.ALL.stream().map(Key::envName).toList()));
      String[] path = key.path().split("\\.");
      ObjectNode parent = root;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode child = parent.get(path[i]);
        parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
      }
      String leaf = path[path.length - 1];
      String value = e.getValue().strip();
      boolean json = value.startsWith("[") || value.startsWith("{");
      switch (key.type().env()) {
        case TEXT -> parent.put(leaf, e.getValue());
        case LIST -> {
          if (json) {
            parent.set(leaf, json(e.getKey(), value));
          } else {
            ArrayNode array = parent.putArray(leaf);
            for (String item : value.split(",")) {
              if (!item.isBlank()) {
                array.add(item.trim());
              }
            }
          }
        }
        case JSON -> {
          if (!json) {
            // The value is not repeated: a list of channels holds secrets.
            throw new ConfigException("environment variable " + e.getKey() + " (config key " + key.path()
                + ") takes a JSON value, " + key.type().allowed() + ", such as " + example(key)
                + "; its value does not start with [ or {");
          }
          parent.set(leaf, json(e.getKey(), value));
        }
        default -> throw new IllegalStateException(key.type().env().toString());
      }
    }
  }

  private static String example(Key<?> key) {
    return switch (key.path()) {
      case "extract.sites" -> "'[{\"host\": \"news.example\", \"body\": \"div.story\"}]'";
      case "notifier.channels" -> "'[{\"name\": \"desk\", \"kind\": \"slack\", \"url\": \"https://hooks.example/x\"}]'";
      default -> "'[{…}]'";
    };
  }

  private static JsonNode json(String variable, String value) {
    try {
      return YAML.readTree(value);
    } catch (IOException ex) {
      String why = ex instanceof JsonProcessingException p ? p.getOriginalMessage() : ex.getMessage();
      // Quoted parts of the parser's message are pieces of the value, which may be a secret.
      why = why == null ? "" : why.lines().findFirst().orElse("").replaceAll("'[^']*'", "'…'");
      throw new ConfigException("environment variable " + variable + " starts like JSON but is not valid JSON: "
          + why);
    }
  }

  private static void checkKnownKeys(JsonNode node, String prefix) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode child = node.get(name);
      boolean isKey = ConfigKeys.forPath(path).isPresent();
      boolean isPrefix = ConfigKeys.ALL.stream().anyMatch(k -> k.path().startsWith(path + "."));
      if (!isKey && !isPrefix) {
        throw new ConfigException(
            "config key " + path + " is not known; known keys: "
                + ConfigKeys.ALL.stream().map(Key::path).toList());
      }
      if (isPrefix && child.isObject()) {
        checkKnownKeys(child, path);
      }
    }
  }
}
