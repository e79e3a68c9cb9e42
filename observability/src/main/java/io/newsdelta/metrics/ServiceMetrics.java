package io.newsdelta.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.micrometer.core.instrument.FunctionCounter;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's metrics: a Prometheus registry with the JVM's meters (memory, GC, threads, class loading,
 * process CPU, uptime) bound, to which the services add their own meters and their Kafka clients. Scraped at
 * {@code /metrics}; {@link #close()} releases the binders.
 */
public final class ServiceMetrics implements AutoCloseable {
  /** The Prometheus text exposition format, version 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);
  /**
   * How often the Kafka binders look for client metrics that appeared since (a client registers many only once
   * it is connected and assigned); Micrometer's default is a minute.
   */
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new ArrayList<>();
  /** What function counters read, held here: a function counter keeps only a weak reference to it. */
  private final List<Object> read = new ArrayList<>();

  /** A registry with the JVM meters bound. */
  public ServiceMetrics() {
    JvmGcMetrics gc = new JvmGcMetrics();
    binders.add(gc);
    for (MeterBinder b : List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
        new ProcessorMetrics(), new UptimeMetrics())) {
      b.bindTo(registry);
    }
  }

  /** Where the services register their meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Kafka producer's client metrics ({@code kafka_producer_*}), tagged with the service. */
  public synchronized void bind(String service, Producer<?, ?> producer) {
    bind(new KafkaClientMetrics(producer, List.of(Tag.of("service", service)), scheduler(), REFRESH));
  }

  /** The Kafka consumer's client metrics ({@code kafka_consumer_*}, lag included), tagged with the service. */
  public synchronized void bind(String service, Consumer<?, ?> consumer) {
    bind(new KafkaClientMetrics(consumer, List.of(Tag.of("service", service)), scheduler(), REFRESH));
  }

  /** A Kafka Streams client's metrics ({@code kafka_stream_*} and its clients'), tagged with the service. */
  public synchronized void bind(String service, KafkaStreams streams) {
    bind(new KafkaStreamsMetrics(streams, List.of(Tag.of("service", service)), scheduler(), REFRESH));
  }

  /**
   * A counter of the records a client's producers sent to {@code topic} ({@code record-send-total} of the
   * {@code producer-topic-metrics} group, summed over the client's producers), read at each scrape. For a Streams
   * application under exactly-once it counts sends, including those of a transaction later aborted.
   */
  public void countSends(String name, String description, Supplier<Map<MetricName, ? extends Metric>> metrics,
      String topic) {
    synchronized (this) {
      read.add(metrics);
    }
    FunctionCounter.builder(name, metrics, m -> sent(m.get(), topic)).description(description)
        .tag("topic", topic).register(registry);
  }

  private static double sent(Map<MetricName, ? extends Metric> metrics, String topic) {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName n = e.getKey();
      if ("record-send-total".equals(n.name()) && "producer-topic-metrics".equals(n.group())
          && topic.equals(n.tags().get("topic")) && e.getValue().metricValue() instanceof Number v) {
        sum += v.doubleValue();
      }
    }
    return sum;
  }

  /** One per binder: a Kafka binder shuts its scheduler down when it is closed. */
  private static ScheduledExecutorService scheduler() {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "metrics-kafka-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  private void bind(MeterBinder binder) {
    binder.bindTo(registry);
    if (binder instanceof AutoCloseable c) {
      binders.add(c);
    }
  }

  /** Every meter now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : binders) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Closing a metrics binder failed: {}", e.getMessage());
      }
    }
    binders.clear();
    registry.close();
  }
}
