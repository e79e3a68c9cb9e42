package io.newsdelta.ingest.host;

import io.newsdelta.config.IngestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The configured limits of each host: {@code ingest.hosts[]} for a host or a parent domain of it (the most
 * specific wins), else {@code ingest.host-concurrency} and {@code ingest.host-min-gap}.
 */
public final class HostLimits {
  /**
   * One host's limits.
   *
   * @param concurrency requests in flight at once
   * @param minGap least time between the starts of two requests
   */
  public record Limit(int concurrency, Duration minGap) {}

  private final Limit fallback;
  private final List<IngestConfig.HostLimit> hosts;

  public HostLimits(int concurrency, Duration minGap, List<IngestConfig.HostLimit> hosts) {
    this.fallback = new Limit(concurrency, minGap);
    this.hosts = List.copyOf(hosts);
  }

  /** The limits of the ingest configuration. */
  public static HostLimits of(IngestConfig config) {
    return new HostLimits(config.hostConcurrency(), config.hostMinGap(), config.hosts());
  }

  /** The class of hosts without an {@code ingest.hosts[]} entry of their own or of a parent domain. */
  public static final String DEFAULT_CLASS = "default";

  /** The limits of {@code host}. */
  public Limit forHost(String host) {
    IngestConfig.HostLimit best = entry(host);
    return best == null ? fallback : new Limit(best.concurrency(), best.minGap());
  }

  /**
   * The host's class, for metrics: the {@code ingest.hosts[].host} entry whose limits it follows, or {@link
   * #DEFAULT_CLASS}. As many values as the configuration has entries, plus one, whatever hosts the feeds name.
   */
  public String hostClass(String host) {
    IngestConfig.HostLimit best = entry(host);
    return best == null ? DEFAULT_CLASS : best.host();
  }

  private IngestConfig.HostLimit entry(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    IngestConfig.HostLimit best = null;
    for (IngestConfig.HostLimit l : hosts) {
      if ((h.equals(l.host()) || h.endsWith("." + l.host())) && (best == null || l.host().length() > best.host().length())) {
        best = l;
      }
    }
    return best;
  }
}
