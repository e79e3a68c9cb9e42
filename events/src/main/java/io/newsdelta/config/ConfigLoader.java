package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads {@code newsdelta.yml}, applies {@code NEWSDELTA_*} environment overrides and validates every value.
 * Unknown keys and unknown {@code NEWSDELTA_*} variables are errors too: a typo must not be silently ignored.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> DEFAULT_RECHECK =
      List.of("5m", "15m", "30m", "1h", "2h", "4h", "8h", "24h", "48h", "7d");

  private ConfigLoader() {}

  /** Loads a file (which must exist) with the process environment. */
  public static NewsdeltaConfig load(Path file) {
    return load(file, System.getenv());
  }

  /** Loads a file with the given environment; a missing file is an error naming it. */
  public static NewsdeltaConfig load(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file " + file + " does not exist; pass --config FILE or create it (see README.md)");
    }
    try {
      return parse(Files.readString(file), env);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /** Parses YAML text with the given environment. */
  public static NewsdeltaConfig parse(String yaml, Map<String, String> env) {
    ObjectNode root = readTree(yaml);
    applyEnvironment(root, env);
    checkKnownKeys(root, "");
    return bind(root);
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
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!e.getKey().startsWith("NEWSDELTA_")) {
        continue;
      }
      ConfigKeys.Key key =
          ConfigKeys.forEnvName(e.getKey())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "environment variable " + e.getKey() + " names no config key; known: "
                              + ConfigKeys.ALL.stream().map(ConfigKeys.Key::envName).toList()));
      String[] path = key.path().split("\\.");
      ObjectNode parent = root;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode child = parent.get(path[i]);
        parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
      }
      String leaf = path[path.length - 1];
      String value = e.getValue().strip();
      if (value.startsWith("[") || value.startsWith("{")) {
        // A JSON value sets any key, lists of mappings included (extract.sites, notifier.channels, ...).
        parent.set(leaf, json(e.getKey(), value));
      } else if (key.list()) {
        ArrayNode array = parent.putArray(leaf);
        for (String item : e.getValue().split(",")) {
          if (!item.isBlank()) {
            array.add(item.trim());
          }
        }
      } else {
        parent.put(leaf, e.getValue());
      }
    }
  }

  private static JsonNode json(String variable, String value) {
    try {
      return YAML.readTree(value);
    } catch (IOException ex) {
      throw new ConfigException("environment variable " + variable + " starts like JSON but is not valid JSON: "
          + ex.getMessage().lines().findFirst().orElse(""));
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
                + ConfigKeys.ALL.stream().map(ConfigKeys.Key::path).toList());
      }
      if (isPrefix && child.isObject()) {
        checkKnownKeys(child, path);
      }
    }
  }

  private static NewsdeltaConfig bind(ObjectNode root) {
    Values v = new Values(root);
    KafkaSettings kafka =
        new KafkaSettings(
            v.text("kafka.bootstrap-servers", ""),
            v.integer("kafka.partitions", 6),
            new KafkaSettings.Embedded(
                v.integer("kafka.embedded.port", 9092),
                v.integer("kafka.embedded.controller-port", 0),
                Path.of(v.text("kafka.embedded.data-dir", "./data/kafka"))),
            v.duration("kafka.raw-retention", "14d"));
    IngestConfig ingest =
        new IngestConfig(
            feeds(v),
            v.duration("ingest.feed-poll-interval", "5m"),
            v.list("ingest.article-recheck", DEFAULT_RECHECK, Durations.ALLOWED, Durations::parse),
            v.duration("ingest.fetch-timeout", "30s"),
            v.integer("ingest.max-page-bytes", IngestConfig.DEFAULT_MAX_PAGE_BYTES),
            v.text("ingest.user-agent", "newsdelta/0.1 (+https://github.com/newsdelta/newsdelta)"),
            v.integer("ingest.fetch-concurrency", 256),
            v.integer("ingest.host-concurrency", 4),
            v.gap("ingest.host-min-gap", "250ms"),
            hostLimits(v),
            v.duration("ingest.robots-ttl", "1h"),
            v.duration("ingest.catch-up-window", "5m"),
            // Removal is a change: how long, and how many answers, before a gone article is announced.
            new IngestConfig.Removal(v.gap("ingest.removal-after", "1h"), v.integer("ingest.removal-checks", 2)),
            // Discovery (issue 12): News Sniffer's schedule and sitemaps.
            new IngestConfig.GeometricRecheck(
                v.duration("ingest.geometric-recheck.first", "30m"),
                v.decimal("ingest.geometric-recheck.factor", 1.2),
                v.duration("ingest.geometric-recheck.retire-after", "40d")),
            v.duration("ingest.sitemap-max-age", "2d"),
            // WebSub (issue 12): off unless a public callback base URL is set.
            new IngestConfig.WebSub(
                blankToNull(v.text("ingest.websub.callback-base-url", "")) == null ? null
                    : httpUrl(v.text("ingest.websub.callback-base-url", ""), "ingest.websub.callback-base-url"),
                v.text("ingest.websub.bind", "127.0.0.1"),
                v.integer("ingest.websub.port", 8090),
                v.duration("ingest.websub.lease", "7d"),
                v.duration("ingest.websub.poll-interval", "15m")));
    DiffWorkerConfig diffWorker = new DiffWorkerConfig(
            v.integer("diff-worker.threads", 1),
            Path.of(v.text("diff-worker.state-dir", "./data/diff-worker")),
            siteRules(v),
            v.duration("diff-worker.append-only-period", "15m"),
            v.text("diff-worker.topic-generation", ""));
    NotifierConfig notifier =
        new NotifierConfig(
            v.text("notifier.http.bind", "127.0.0.1"),
            v.integer("notifier.http.port", 8080),
            v.list("notifier.webhooks", List.of(), "an absolute http(s) URL", ConfigLoader::uri, "url"),
            v.integer("notifier.retry.max-attempts", 5),
            v.duration("notifier.retry.initial-backoff", "1s"),
            new NotifierConfig.Delivery(
                v.duration("notifier.retry.max-backoff", "10m"),
                v.duration("notifier.retry.attempt-timeout", "10s"),
                v.integer("notifier.circuit.failures", 5),
                v.duration("notifier.circuit.open-for", "30s"),
                v.integer("notifier.delivery.max-in-flight", NotifierConfig.Delivery.DEFAULT_MAX_IN_FLIGHT)),
            NotifierKeys.channels(v.node("notifier.channels")),
            NotifierKeys.subscriptions(v.node("notifier.subscriptions")),
            smtp(v),
            v.text("notifier.public-url", null) == null ? null : uri(v.text("notifier.public-url", null)),
            NotifierKeys.secret(v.text("notifier.api-token", null), v.text("notifier.api-token-file", null),
                "notifier.api-token"));
    StoriesConfig stories =
        new StoriesConfig(
            v.bool("stories.enabled", true),
            v.decimal("stories.threshold", StoriesConfig.DEFAULT_THRESHOLD),
            Path.of(v.text("stories.state-dir", "./data/stories")));
    HistoryConfig history = new HistoryConfig(v.text("history.database-url", HistoryConfig.DEFAULT_DATABASE_URL));
    NetworkConfig network = new NetworkConfig(v.list("network.allow", List.of(),
        "CIDR blocks (127.0.0.0/8, 10.0.0.0/8) or host names", s -> s));
    ObservabilityConfig observability = new ObservabilityConfig(
        v.integer("management.port", 0), v.text("logging.format", "text"));
    return new NewsdeltaConfig(kafka, ingest, diffWorker, notifier, stories, history, observability, network);
  }

  private static SmtpConfig smtp(Values v) {
    if (v.node("notifier.smtp") == null) {
      return null;
    }
    return new SmtpConfig(
        v.text("notifier.smtp.host", null),
        v.integer("notifier.smtp.port", 587),
        v.text("notifier.smtp.username", null),
        NotifierKeys.secret(v.text("notifier.smtp.password", null), v.text("notifier.smtp.password-file", null),
            "notifier.smtp.password"),
        v.text("notifier.smtp.from", null),
        v.text("notifier.smtp.tls", "starttls"));
  }

  private static List<FeedConfig> feeds(Values v) {
    JsonNode feeds = v.node("feeds");
    List<FeedConfig> result = new ArrayList<>();
    if (feeds == null || feeds.isNull()) {
      return result;
    }
    if (!feeds.isArray()) {
      throw ConfigException.badValue("feeds", feeds, "a list of feeds, each a URL or {url, name}");
    }
    for (int i = 0; i < feeds.size(); i++) {
      JsonNode item = feeds.get(i);
      String key = "feeds[" + i + "]";
      if (item.isTextual()) {
        result.add(new FeedConfig(httpUrl(item.asText(), key + ".url"), null));
      } else if (item.isObject() && item.hasNonNull("url")) {
        Values.checkFields(item, key, List.of("url", "name", "robots", "kind", "schedule"));
        String name = item.hasNonNull("name") ? item.get("name").asText() : null;
        boolean robots = true;
        if (item.hasNonNull("robots")) {
          JsonNode r = item.get("robots");
          String text = r.asText().trim();
          if (!(r.isBoolean() || text.equals("true") || text.equals("false"))) {
            throw ConfigException.badValue(key + ".robots", text, "true or false");
          }
          robots = r.isBoolean() ? r.booleanValue() : Boolean.parseBoolean(text);
        }
        String kind = FeedConfig.oneOf(key + ".kind", item.hasNonNull("kind") ? item.get("kind").asText() : null,
            FeedConfig.KINDS);
        String schedule = FeedConfig.oneOf(key + ".schedule",
            item.hasNonNull("schedule") ? item.get("schedule").asText() : null, FeedConfig.SCHEDULES);
        result.add(new FeedConfig(httpUrl(item.get("url").asText(), key + ".url"), name, robots, kind, schedule));
      } else {
        throw ConfigException.badValue(key, item, "a feed URL or a mapping with url and an optional name");
      }
    }
    return result;
  }

  private static List<IngestConfig.HostLimit> hostLimits(Values v) {
    JsonNode hosts = v.node("ingest.hosts");
    List<IngestConfig.HostLimit> result = new ArrayList<>();
    if (hosts == null || hosts.isNull()) {
      return result;
    }
    String allowed = "a list of {host, concurrency, min-gap} (concurrency and min-gap optional)";
    if (!hosts.isArray()) {
      throw ConfigException.badValue("ingest.hosts", hosts, allowed);
    }
    for (int i = 0; i < hosts.size(); i++) {
      JsonNode item = hosts.get(i);
      String key = "ingest.hosts[" + i + "]";
      if (!item.isObject() || !item.hasNonNull("host")) {
        throw ConfigException.badValue(key, item, allowed);
      }
      Values.checkFields(item, key, List.of("host", "concurrency", "min-gap"));
      int concurrency = v.integer("ingest.host-concurrency", 4);
      if (item.hasNonNull("concurrency")) {
        try {
          concurrency = Integer.parseInt(item.get("concurrency").asText().trim());
        } catch (NumberFormatException e) {
          throw ConfigException.badValue(key + ".concurrency", item.get("concurrency").asText(), "a whole number");
        }
      }
      Duration gap = v.gap("ingest.host-min-gap", "250ms");
      if (item.hasNonNull("min-gap")) {
        gap = gap(key + ".min-gap", item.get("min-gap").asText());
      }
      result.add(new IngestConfig.HostLimit(item.get("host").asText(), concurrency, gap));
    }
    return result;
  }

  private static List<SiteRule> siteRules(Values v) {
    JsonNode sites = v.node("extract.sites");
    List<SiteRule> result = new ArrayList<>();
    if (sites == null || sites.isNull()) {
      return result;
    }
    if (!sites.isArray()) {
      throw ConfigException.badValue("extract.sites", sites, "a list of {host, body, title, drop}");
    }
    for (int i = 0; i < sites.size(); i++) {
      JsonNode item = sites.get(i);
      String key = "extract.sites[" + i + "]";
      if (!item.isObject() || !item.hasNonNull("host")) {
        throw ConfigException.badValue(key, item, "a mapping with host and at least one of body, title, drop");
      }
      Values.checkFields(item, key, List.of("host", "body", "title", "drop"));
      List<String> drop = new ArrayList<>();
      JsonNode dropNode = item.get("drop");
      if (dropNode != null && dropNode.isArray()) {
        dropNode.forEach(d -> drop.add(d.asText()));
      } else if (dropNode != null && dropNode.isTextual()) {
        drop.add(dropNode.asText());
      }
      result.add(
          new SiteRule(
              item.get("host").asText().toLowerCase(java.util.Locale.ROOT),
              item.hasNonNull("body") ? item.get("body").asText() : null,
              item.hasNonNull("title") ? item.get("title").asText() : null,
              drop));
    }
    return result;
  }

  static URI httpUrl(String text, String key) {
    try {
      URI uri = new URI(text.trim());
      if (uri.getScheme() == null
          || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw ConfigException.badValue(key, text, "an absolute http(s) URL such as https://example.com/rss.xml");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ConfigException.badValue(key, text, "an absolute http(s) URL such as https://example.com/rss.xml");
    }
  }

  /** Reads typed values from the tree by dotted path, failing with the key, the value and what is allowed. */
  private record Values(ObjectNode root) {
    JsonNode node(String path) {
      JsonNode node = root;
      for (String part : path.split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      return node;
    }

    String text(String path, String fallback) {
      JsonNode n = node(path);
      return n == null || n.isNull() ? fallback : n.asText();
    }

    /** A whole number; its range is the record's to check ({@link Check}). */
    int integer(String path, int fallback) {
      String raw = text(path, null);
      if (raw == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigException.badValue(path, raw, "a whole number");
      }
    }

    boolean bool(String path, boolean fallback) {
      String raw = text(path, null);
      if (raw == null) {
        return fallback;
      }
      return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw ConfigException.badValue(path, raw, "true or false");
      };
    }

    /** A decimal number; its range is the record's to check. */
    double decimal(String path, double fallback) {
      String raw = text(path, null);
      if (raw == null) {
        return fallback;
      }
      try {
        return Double.parseDouble(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigException.badValue(path, raw, "a number such as 0.03");
      }
    }

    Duration duration(String path, String fallback) {
      String raw = text(path, fallback);
      try {
        return Durations.parse(raw);
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(path, raw, e.getMessage());
      }
    }

    /** A duration that may be zero ({@code 0}, {@code 0ms}): no gap. */
    Duration gap(String path, String fallback) {
      return ConfigLoader.gap(path, text(path, fallback));
    }

    <T> List<T> list(String path, List<String> fallback, String allowed, Function<String, T> parse) {
      return list(path, fallback, allowed, parse, null);
    }

    <T> List<T> list(
        String path, List<String> fallback, String allowed, Function<String, T> parse, String objectField) {
      JsonNode n = node(path);
      List<String> raw = new ArrayList<>();
      if (n == null || n.isNull()) {
        raw.addAll(fallback);
      } else if (n.isArray()) {
        for (JsonNode item : n) {
          raw.add(objectField != null && item.isObject() && item.has(objectField)
              ? item.get(objectField).asText() : item.asText());
        }
      } else {
        for (String item : n.asText().split(",")) {
          if (!item.isBlank()) {
            raw.add(item.trim());
          }
        }
      }
      List<T> result = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        String key = path + "[" + i + "]";
        try {
          result.add(parse.apply(raw.get(i)));
        } catch (ConfigException | IllegalArgumentException e) {
          throw ConfigException.badValue(key, raw.get(i), allowed);
        }
      }
      return result;
    }

    static void checkFields(JsonNode item, String key, List<String> allowed) {
      item.fieldNames()
          .forEachRemaining(
              f -> {
                if (!allowed.contains(f)) {
                  throw new ConfigException("config key " + key + "." + f + " is not known; allowed: " + allowed);
                }
              });
    }
  }

  private static Duration gap(String key, String raw) {
    if (raw.trim().matches("0+(ms|s|m|h|d)?")) {
      return Duration.ZERO;
    }
    try {
      return Durations.parse(raw);
    } catch (IllegalArgumentException e) {
      throw ConfigException.badValue(key, raw, "0 or " + e.getMessage());
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** A URI; whether it is one the key allows is the record's to check ({@link Check}). */
  private static URI uri(String text) {
    return URI.create(text.trim());
  }
}
