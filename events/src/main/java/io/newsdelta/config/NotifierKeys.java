package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code notifier.*} keys and how they make {@link NotifierConfig}. */
public final class NotifierKeys {
  private static final String URL = "an absolute http(s) URL";

  public static final Key<String> HTTP_BIND = Key.of("notifier.http.bind", Type.text(), "127.0.0.1",
      "the address the pages (and `/metrics`, `/health/*`) are served on");
  public static final Key<Integer> HTTP_PORT = Key.of("notifier.http.port", Type.integer(0, 65535), 8080,
      "the port of the pages; 0 picks a free one");
  public static final Key<List<URI>> WEBHOOKS = Key.of("notifier.webhooks",
      Type.listOf(Type.uri(URL), "url", "a list of absolute http(s) URLs (or {url: …})"), List.of(),
      "the short form of webhook channels: URLs each change is POSTed to as JSON; each is a channel named "
          + "`webhook:<url>`");
  public static final Key<Integer> MAX_ATTEMPTS = Key.of("notifier.retry.max-attempts", Type.integer(1, 100), 5,
      "delivery attempts per channel before the change goes to the dead-letter topic");
  public static final Key<Duration> INITIAL_BACKOFF = Key.of("notifier.retry.initial-backoff", Type.gap(),
      Duration.ofSeconds(1), "wait after the first failure, doubled after each next one; each wait drawn between "
          + "half and all of that (jitter)");
  public static final Key<Duration> MAX_BACKOFF = Key.of("notifier.retry.max-backoff", Type.duration(),
      Duration.ofMinutes(10), "the longest wait between attempts; also the longest `Retry-After` honoured");
  public static final Key<Duration> ATTEMPT_TIMEOUT = Key.of("notifier.retry.attempt-timeout", Type.duration(),
      Duration.ofSeconds(10), "one attempt's whole exchange: connect, headers and the whole body (SMTP: each step)");
  public static final Key<Integer> CIRCUIT_FAILURES = Key.of("notifier.circuit.failures", Type.integer(1, 1000), 5,
      "a channel's circuit opens after this many failed attempts in a row; while open nothing is sent to it");
  public static final Key<Duration> CIRCUIT_OPEN_FOR = Key.of("notifier.circuit.open-for", Type.duration(),
      Duration.ofSeconds(30), "how long an open circuit sends nothing before one trial attempt");
  public static final Key<Integer> MAX_IN_FLIGHT = Key.of("notifier.delivery.max-in-flight", Type.integer(1, 256),
      NotifierConfig.Delivery.DEFAULT_MAX_IN_FLIGHT, "changes in progress at once per channel (being sent or "
          + "waiting for a retry); an article's changes still go one after the other, in order; `1` sends one "
          + "change at a time per channel");
  public static final Key<List<ChannelConfig>> CHANNELS = Key.of("notifier.channels",
      Type.structured("a list of {name, kind, url, secret, secret-file, chat-id, to, digest}", Type.Env.JSON,
          (key, node, tree) -> channels(node)), List.of(),
      "list of `{name, kind, url, secret | secret-file, chat-id, to, digest}`; kinds `webhook`, `slack` (also "
          + "`mattermost`, `rocketchat`), `discord`, `teams`, `ntfy`, `telegram`, `email` (see Alerts); "
          + "`secret-file` names a file holding the webhook's secret");
  public static final Key<List<SubscriptionConfig>> SUBSCRIPTIONS = Key.of("notifier.subscriptions",
      Type.structured("a list of {name, feeds, url-pattern, text, headline-changed, min-words, include-minor, "
          + "kinds, channels}", Type.Env.JSON, (key, node, tree) -> subscriptions(node)), List.of(),
      "list of `{name, feeds, url-pattern, text, headline-changed, min-words, include-minor, kinds, channels}`; "
          + "none: every change to every channel");
  public static final Key<String> SMTP_HOST = Key.of("notifier.smtp.host", Type.text(), null,
      "the mail server of `email` channels (required once `notifier.smtp` is given)").shownDefault("—");
  public static final Key<Integer> SMTP_PORT = Key.of("notifier.smtp.port", Type.integer(1, 65535), 587,
      "its port (587 submission with STARTTLS, 465 TLS, 25 plain)");
  public static final Key<String> SMTP_USERNAME = Key.of("notifier.smtp.username", Type.text(), null,
      "login, if the server wants one");
  public static final Key<String> SMTP_PASSWORD = Key.secret("notifier.smtp.password", Type.text(),
      "its password (a secret: masked by `config show`, never logged)");
  public static final Key<String> SMTP_FROM = Key.of("notifier.smtp.from", Type.text(), null,
      "the sender address, such as newsdelta@example.org (required once `notifier.smtp` is given)")
      .shownDefault("—");
  public static final Key<String> SMTP_TLS = Key.of("notifier.smtp.tls",
      Type.oneOf(List.of("starttls", "tls", "none"), "starttls, tls or none"), "starttls",
      "`starttls`, `tls` (SMTPS) or `none`");
  public static final Key<URI> PUBLIC_URL = Key.of("notifier.public-url", Type.uri(URL), null,
      "the address people reach the pages at, for the diff links in alerts").shownDefault("`http://<bind>:<port>`");
  public static final Key<String> API_TOKEN = Key.secret("notifier.api-token",
      Type.text("a token of at least 16 characters", t -> t.length() >= 16),
      "bearer token of the subscription API (16 characters or more; a secret); without it the API answers 503");

  /** The mapping whose presence turns e-mail on: its keys are read only when it is given. */
  public static final String SMTP = "notifier.smtp";

  /** In the order of the README table. */
  public static final List<Key<?>> ALL = List.of(HTTP_BIND, HTTP_PORT, WEBHOOKS, MAX_ATTEMPTS, INITIAL_BACKOFF,
      MAX_BACKOFF, ATTEMPT_TIMEOUT, CIRCUIT_FAILURES, CIRCUIT_OPEN_FOR, MAX_IN_FLIGHT, CHANNELS, SUBSCRIPTIONS,
      SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_TLS, PUBLIC_URL, API_TOKEN);

  static NotifierConfig bind(ConfigTree v) {
    return new NotifierConfig(
        v.get(HTTP_BIND),
        v.get(HTTP_PORT),
        v.get(WEBHOOKS),
        v.get(MAX_ATTEMPTS),
        v.get(INITIAL_BACKOFF),
        new NotifierConfig.Delivery(v.get(MAX_BACKOFF), v.get(ATTEMPT_TIMEOUT), v.get(CIRCUIT_FAILURES),
            v.get(CIRCUIT_OPEN_FOR), v.get(MAX_IN_FLIGHT)),
        v.get(CHANNELS),
        v.get(SUBSCRIPTIONS),
        v.has(SMTP) ? new SmtpConfig(v.get(SMTP_HOST), v.get(SMTP_PORT), v.get(SMTP_USERNAME), v.get(SMTP_PASSWORD),
            v.get(SMTP_FROM), v.get(SMTP_TLS)) : null,
        v.get(PUBLIC_URL),
        v.get(API_TOKEN));
  }

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
    return file == null ? value : ConfigTree.readSecret(key + "-file", file);
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
