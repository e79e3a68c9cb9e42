package io.newsdelta.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.ingest.host.HostLimits;
import io.newsdelta.ingest.watch.IngestCounters;
import io.newsdelta.metrics.MetricNames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMeters meters = new IngestMeters(registry, () -> new IngestCounters().snapshot(),
      new HostLimits(4, Duration.ofMillis(250), List.of(new IngestConfig.HostLimit("bbc.co.uk", 8, Duration.ZERO),
          new IngestConfig.HostLimit("news.bbc.co.uk", 2, Duration.ZERO))));

  @Test
  void shouldCountFetchesByOutcomeAndTheHostClassOfTheirConfigEntryNeverByHost() {
    meters.fetched("ok", "www.bbc.co.uk", 1_000_000);
    meters.fetched("ok", "bbc.co.uk", 1_000_000);
    meters.fetched("ok", "news.bbc.co.uk", 1_000_000);
    meters.fetched("not_modified", "a.example", 1_000_000);
    meters.fetched("not_modified", "b.example", 1_000_000);
    meters.fetched("timeout", "c.example", 1_000_000);

    assertThat(count("ok", "bbc.co.uk")).isEqualTo(2);
    assertThat(count("ok", "news.bbc.co.uk")).isEqualTo(1);
    assertThat(count("not_modified", HostLimits.DEFAULT_CLASS)).isEqualTo(2);
    assertThat(count("timeout", HostLimits.DEFAULT_CLASS)).isEqualTo(1);
    assertThat(registry.find(MetricNames.FETCHES).counters()).hasSize(4);
  }

  private double count(String outcome, String hostClass) {
    return registry.get(MetricNames.FETCHES).tag("outcome", outcome).tag("host_class", hostClass).counter().count();
  }
}
