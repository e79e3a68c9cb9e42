package io.newsdelta.config;

import java.util.List;

/** {@code management.port} and {@code logging.format}, and how they make {@link ObservabilityConfig}. */
public final class ObservabilityKeys {
  public static final Key<Integer> MANAGEMENT_PORT = Key.of("management.port",
      Type.integer(-1, 65535, "a port 1-65535, 0 for a free port or -1 for none"), 0,
      "port of `/metrics`, `/health/live` and `/health/ready` when `ingest`, `diff-worker` or `stories` runs "
          + "alone: 1–65535 that port, `0` a free port (logged at start), `-1` none. With the notifier in the "
          + "process (`run`, `notifier`) they are on `notifier.http.port` (see "
          + "[docs/operations.md](docs/operations.md))");
  public static final Key<String> LOGGING_FORMAT = Key.of("logging.format",
      Type.oneOf(ObservabilityConfig.LOG_FORMATS, "one of " + String.join(", ", ObservabilityConfig.LOG_FORMATS)),
      "text", "`text`: human-readable lines on standard error; `json`: one JSON object per line (log4j2's "
          + "JsonTemplateLayout) with the MDC fields `feedUrl`, `articleId`, `changeId`");

  public static final List<Key<?>> ALL = List.of(MANAGEMENT_PORT, LOGGING_FORMAT);

  private ObservabilityKeys() {}

  static ObservabilityConfig bind(ConfigTree v) {
    return new ObservabilityConfig(v.get(MANAGEMENT_PORT), v.get(LOGGING_FORMAT));
  }
}
