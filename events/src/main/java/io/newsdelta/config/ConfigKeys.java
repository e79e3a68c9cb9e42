package io.newsdelta.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key newsdelta understands, and how each is named as an environment variable:
 * {@code NEWSDELTA_} + the key path upper-cased, with {@code .} and {@code -} as {@code _}.
 * List-valued keys take a comma-separated list from the environment.
 */
public final class ConfigKeys {
  /** A key and whether it holds a list. */
  public record Key(String path, boolean list) {
    public String envName() {
      return "NEWSDELTA_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
  }

  public static final List<Key> ALL =
      List.of(
          new Key("kafka.bootstrap-servers", false),
          new Key("kafka.partitions", false),
          new Key("kafka.embedded.port", false),
          new Key("kafka.embedded.controller-port", false),
          new Key("kafka.embedded.data-dir", false),
          new Key("kafka.raw-retention", false),
          new Key("feeds", true),
          new Key("network.allow", true),
          new Key("ingest.feed-poll-interval", false),
          new Key("ingest.article-recheck", true),
          new Key("ingest.fetch-timeout", false),
          new Key("ingest.max-page-bytes", false),
          new Key("ingest.user-agent", false),
          new Key("ingest.fetch-concurrency", false),
          new Key("ingest.host-concurrency", false),
          new Key("ingest.host-min-gap", false),
          new Key("ingest.hosts", true),
          new Key("ingest.robots-ttl", false),
          new Key("ingest.catch-up-window", false),
          new Key("ingest.removal-after", false),
          new Key("ingest.removal-checks", false),
          // Discovery (issue 12): News Sniffer's schedule and sitemaps.
          new Key("ingest.geometric-recheck.first", false),
          new Key("ingest.geometric-recheck.factor", false),
          new Key("ingest.geometric-recheck.retire-after", false),
          new Key("ingest.sitemap-max-age", false),
          // WebSub (issue 12): subscriptions to the hubs feeds advertise, the callback server.
          new Key("ingest.websub.callback-base-url", false),
          new Key("ingest.websub.bind", false),
          new Key("ingest.websub.port", false),
          new Key("ingest.websub.lease", false),
          new Key("ingest.websub.poll-interval", false),
          new Key("diff-worker.threads", false),
          new Key("diff-worker.state-dir", false),
          new Key("diff-worker.append-only-period", false),
          new Key("diff-worker.topic-generation", false),
          new Key("extract.sites", true),
          new Key("notifier.http.port", false),
          new Key("notifier.http.bind", false),
          new Key("history.database-url", false),
          new Key("notifier.webhooks", true),
          new Key("notifier.retry.max-attempts", false),
          new Key("notifier.retry.initial-backoff", false),
          new Key("stories.enabled", false),
          new Key("stories.threshold", false),
          new Key("stories.state-dir", false),
          // Alerts: channels, subscriptions, e-mail, the subscription API, retries and circuits.
          new Key("notifier.retry.max-backoff", false),
          new Key("notifier.retry.attempt-timeout", false),
          new Key("notifier.circuit.failures", false),
          new Key("notifier.circuit.open-for", false),
          new Key("notifier.delivery.max-in-flight", false), // concurrent delivery per channel (issue 10)
          new Key("notifier.channels", true),
          new Key("notifier.subscriptions", true),
          new Key("notifier.smtp.host", false),
          new Key("notifier.smtp.port", false),
          new Key("notifier.smtp.username", false),
          new Key("notifier.smtp.password", false),
          new Key("notifier.smtp.password-file", false),
          new Key("notifier.smtp.from", false),
          new Key("notifier.smtp.tls", false),
          new Key("notifier.public-url", false),
          new Key("notifier.api-token", false),
          new Key("notifier.api-token-file", false),
          // Observe (issue 13): the management port of a service alone, the log format.
          new Key("management.port", false),
          new Key("logging.format", false));

  private ConfigKeys() {}

  /** The key an environment variable overrides, if it is one of ours. */
  public static Optional<Key> forEnvName(String envName) {
    return ALL.stream().filter(k -> k.envName().equals(envName)).findFirst();
  }

  public static Optional<Key> forPath(String path) {
    return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
  }
}
