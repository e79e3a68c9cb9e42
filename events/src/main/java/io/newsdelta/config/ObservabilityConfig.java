package io.newsdelta.config;

import java.util.List;

/**
 * How a process is watched.
 *
 * @param managementPort the port of {@code /metrics}, {@code /health/live} and {@code /health/ready} when a
 *     service runs without the notifier ({@code management.port}): 1–65535 that port, 0 a free port (logged at
 *     start, the default, so services on one host never collide), -1 none. With the notifier in the process they
 *     are on its web port instead.
 * @param loggingFormat {@code text} (human-readable lines, the default) or {@code json} (one JSON object per
 *     line, with the MDC fields) ({@code logging.format})
 */
public record ObservabilityConfig(int managementPort, String loggingFormat) {
  /** The log formats {@code logging.format} takes. */
  public static final List<String> LOG_FORMATS = List.of("text", "json");

  public ObservabilityConfig {
    ObservabilityKeys.MANAGEMENT_PORT.check(managementPort);
    ObservabilityKeys.LOGGING_FORMAT.check(loggingFormat);
  }

  /** The defaults: a free management port, text logs. */
  public static ObservabilityConfig defaults() {
    return new ObservabilityConfig(0, "text");
  }

  /** Whether a management port is served. */
  public boolean managementEnabled() {
    return managementPort != -1;
  }

  /** Whether log lines are JSON. */
  public boolean jsonLogs() {
    return "json".equals(loggingFormat);
  }
}
