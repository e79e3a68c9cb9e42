package io.newsdelta.app.pipeline;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.IngestService;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.health.BrokerCheck;
import io.newsdelta.health.Readiness;
import io.newsdelta.health.StreamsCheck;
import io.newsdelta.metrics.ManagementServer;
import io.newsdelta.metrics.MetricNames;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.notifier.NotifierService;
import java.io.IOException;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.stories.StoriesService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running set of services, with the embedded broker when no bootstrap servers are configured. Started
 * downstream first (notifier, diff worker, ingest) so nothing produced is waiting for a consumer; stopped in
 * the reverse order, the broker last.
 *
 * <p>Every pipeline has one metrics registry and one set of readiness checks (the broker, and each service it
 * runs): served on the notifier's web port when it runs the notifier, else on {@code management.port}.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final String bootstrapServers;
  private NotifierService notifier;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final Readiness readiness = new Readiness();
  private ManagementServer management;

  private Pipeline(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts every service. */
  public static Pipeline start(NewsdeltaConfig config) {
    return start(config, EnumSet.allOf(Service.class));
  }

  /** Starts the given services; on any failure, what was started is stopped again before rethrowing. */
  public static Pipeline start(NewsdeltaConfig config, Set<Service> services) {
    long begin = System.nanoTime();
    JvmMemory jvm = JvmMemory.current();
    LOG.info("JVM: {}", jvm.summary());
    jvm.advice().ifPresent(advice -> LOG.warn("JVM: {}", advice));
    EmbeddedKafka broker = null;
    if (config.kafka().useEmbedded()) {
      var embedded = config.kafka().embedded();
      broker = EmbeddedKafka.start(embedded.dataDir(), embedded.port(), embedded.controllerPort());
      LOG.info("Embedded Kafka broker on {} (data in {})", broker.bootstrapServers(), embedded.dataDir());
    }
    Pipeline pipeline = new Pipeline(broker != null ? broker.bootstrapServers() : config.kafka().bootstrapServers());
    if (broker != null) {
      pipeline.started.push(broker);
    }
    pipeline.started.push(pipeline.metrics);
    try {
      TopicAdmin.ensure(pipeline.bootstrapServers, Topics.all(config.kafka().partitions(), config.kafka().rawRetention()));
      BrokerCheck reachable = new BrokerCheck(pipeline.bootstrapServers);
      pipeline.started.push(reachable);
      pipeline.readiness.add("kafka", reachable::notReady);
      if (services.contains(Service.NOTIFIER)) {
        pipeline.notifier = new NotifierService(config.notifier(), config.history(), pipeline.bootstrapServers,
            List.of(), pipeline.metrics, pipeline.readiness, config.network().policy(),
            config.diffWorker().topicGeneration());
        pipeline.started.push(pipeline.notifier);
        pipeline.notifier.start();
      }
      if (services.contains(Service.DIFF_WORKER)) {
        DiffWorkerService worker = new DiffWorkerService(config.diffWorker(), pipeline.bootstrapServers);
        pipeline.metrics.bind("diff-worker", worker.streams());
        pipeline.metrics.countSends(MetricNames.VERSIONS_EMITTED, "Versions the diff worker sent",
            worker.streams()::metrics, config.diffWorker().versionsTopic());
        pipeline.metrics.countSends(MetricNames.CHANGES_EMITTED, "Changes the diff worker sent",
            worker.streams()::metrics, config.diffWorker().changesTopic());
        pipeline.readiness.add("diff-worker", () -> StreamsCheck.notReady(worker.streams()));
        worker.start();
        pipeline.started.push(worker);
      }
      if (services.contains(Service.STORIES) && config.stories().enabled()) {
        StoriesService stories = new StoriesService(config.stories(), pipeline.bootstrapServers);
        pipeline.metrics.bind("stories", stories.streams());
        pipeline.readiness.add("stories", () -> StreamsCheck.notReady(stories.streams()));
        stories.start();
        pipeline.started.push(stories);
      }
      if (services.contains(Service.INGEST)) {
        IngestService ingest = new IngestService(config.ingest(), pipeline.bootstrapServers, config.diffWorker().siteRules())
            .withAddressPolicy(config.network().policy());
        ingest.observe(pipeline.metrics);
        pipeline.readiness.add("ingest", ingest::notReady);
        // Issue 12: checks that stop make readiness fail with the reason (a stale or failing feed, a lagging
        // instance), so the orchestrator's and the dashboards' health shows them; each clears when it recovers.
        pipeline.readiness.add("ingest-health", ingest::healthProblems);
        ingest.start();
        pipeline.started.push(ingest);
        LOG.info("Ingest polling {} feeds every {}", config.ingest().feeds().size(), config.ingest().feedPollInterval());
      }
      if (pipeline.notifier == null && !services.isEmpty() && config.observability().managementEnabled()) {
        pipeline.management = pipeline.serveManagement(config.observability().managementPort());
        pipeline.started.push(pipeline.management);
      }
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
    LOG.info("newsdelta started {} in {} ms", services, (System.nanoTime() - begin) / 1_000_000);
    return pipeline;
  }

  private ManagementServer serveManagement(int port) {
    try {
      return ManagementServer.start(port, metrics::scrape, readiness);
    } catch (IOException e) {
      throw new NewsdeltaException("cannot serve metrics and health on port " + port + " (" + e.getMessage()
          + "); choose a free port with management.port, 0 for any free port or -1 for none", e);
    }
  }

  /** The port of {@code /metrics} and {@code /health/*}: the notifier's, the management port's, or -1 for none. */
  public int managementPort() {
    if (notifier != null) {
      return notifier.httpPort();
    }
    return management == null ? -1 : management.port();
  }

  /** The process's metrics. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** The process's readiness checks. */
  public Readiness readiness() {
    return readiness;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The notifier's HTTP port, or -1 when this pipeline runs no notifier. */
  public int notifierPort() {
    return notifier == null ? -1 : notifier.httpPort();
  }

  /** Stops everything in reverse start order; one failing stop does not prevent the others. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
      try {
        next.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", next.getClass().getSimpleName(), e.getMessage());
      }
    }
    LOG.info("newsdelta stopped");
  }
}
