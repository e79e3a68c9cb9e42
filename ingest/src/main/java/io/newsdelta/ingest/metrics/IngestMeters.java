package io.newsdelta.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdelta.ingest.fetch.FetchObserver;
import io.newsdelta.ingest.host.HostLimits;
import io.newsdelta.ingest.poll.FeedPoller;
import io.newsdelta.ingest.watch.IngestCounters;
import io.newsdelta.metrics.MetricNames;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Ingest's meters on a registry. The article checks are read from {@link IngestCounters} at each scrape (the
 * watcher's own counters, not a second count); fetches and feed polls are counted as they end.
 */
public final class IngestMeters implements FetchObserver {
  private final MeterRegistry registry;
  private final Map<FeedPoller.Outcome, Counter> polls = new EnumMap<>(FeedPoller.Outcome.class);
  /** Held here: a function counter keeps only a weak reference to what it reads. */
  private final Supplier<IngestCounters.Snapshot> counters;
  /** Classifies hosts for the {@code host_class} label: bounded by the configuration, never one value per host. */
  private final HostLimits hostClasses;

  /** Registers the meters, every fetch of class {@value HostLimits#DEFAULT_CLASS}; {@code counters} is read at each scrape. */
  public IngestMeters(MeterRegistry registry, Supplier<IngestCounters.Snapshot> counters) {
    this(registry, counters, new HostLimits(1, Duration.ZERO, java.util.List.of()));
  }

  /**
   * Registers the meters; {@code counters} is read at each scrape, fetches are labelled with their host's class
   * ({@link HostLimits#hostClass}).
   */
  public IngestMeters(MeterRegistry registry, Supplier<IngestCounters.Snapshot> counters, HostLimits hostClasses) {
    this.registry = registry;
    this.counters = counters;
    this.hostClasses = hostClasses;
    for (FeedPoller.Outcome o : FeedPoller.Outcome.values()) {
      polls.put(o, Counter.builder(MetricNames.FEED_POLLS).tag("outcome", o.name().toLowerCase(Locale.ROOT))
          .description("Feed polls by outcome").register(registry));
    }
    counter(MetricNames.ARTICLE_CHECKS, "Article checks finished", IngestCounters.Snapshot::checks);
    counter(MetricNames.ARTICLE_CHECKS_NOT_MODIFIED, "Article checks answered 304 Not Modified",
        IngestCounters.Snapshot::notModified);
    counter(MetricNames.ARTICLE_CHECKS_FULL, "Article checks answered with a body",
        IngestCounters.Snapshot::fullFetches);
    counter(MetricNames.ARTICLE_CHECKS_FAILED, "Article checks that failed",
        IngestCounters.Snapshot::failures);
    counter(MetricNames.ARTICLE_UNCHANGED_TEXT, "Changed bodies with unchanged article text",
        IngestCounters.Snapshot::unchangedText);
    counter(MetricNames.RAW_VERSIONS_PUBLISHED, "Raw versions published to newsdelta.raw-versions",
        IngestCounters.Snapshot::published);
  }

  private void counter(String name, String description, ToLongFunction<IngestCounters.Snapshot> field) {
    FunctionCounter.builder(name, this, m -> field.applyAsLong(m.counters.get())).description(description)
        .register(registry);
  }

  /** One feed poll ended. */
  public void polled(FeedPoller.Outcome outcome) {
    if (outcome != null) {
      polls.get(outcome).increment();
    }
  }

  @Override
  public void fetched(String outcome, String host, long nanos) {
    Counter.builder(MetricNames.FETCHES).tag("outcome", outcome).tag("host_class", hostClasses.hostClass(host))
        .description("HTTP fetches by outcome and host class").register(registry).increment();
    Timer.builder(MetricNames.FETCH_LATENCY).tag("outcome", outcome).description("HTTP fetch latency")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofSeconds(60)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }
}
