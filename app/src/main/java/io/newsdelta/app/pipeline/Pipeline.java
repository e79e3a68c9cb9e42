package io.newsdelta.app.pipeline;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.IngestService;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.notifier.NotifierService;
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
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final String bootstrapServers;
  private NotifierService notifier;

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
    try {
      TopicAdmin.ensure(pipeline.bootstrapServers, Topics.all(config.kafka().partitions(), config.kafka().rawRetention()));
      if (services.contains(Service.NOTIFIER)) {
        pipeline.notifier = new NotifierService(config.notifier(), config.history(), pipeline.bootstrapServers,
            List.of(), config.network().policy());
        pipeline.started.push(pipeline.notifier);
        pipeline.notifier.start();
      }
      if (services.contains(Service.DIFF_WORKER)) {
        DiffWorkerService worker = new DiffWorkerService(config.diffWorker(), pipeline.bootstrapServers);
        worker.start();
        pipeline.started.push(worker);
      }
      if (services.contains(Service.STORIES) && config.stories().enabled()) {
        StoriesService stories = new StoriesService(config.stories(), pipeline.bootstrapServers);
        stories.start();
        pipeline.started.push(stories);
      }
      if (services.contains(Service.INGEST)) {
        IngestService ingest = new IngestService(config.ingest(), pipeline.bootstrapServers, config.diffWorker().siteRules())
            .withAddressPolicy(config.network().policy());
        ingest.start();
        pipeline.started.push(ingest);
        LOG.info("Ingest polling {} feeds every {}", config.ingest().feeds().size(), config.ingest().feedPollInterval());
      }
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
    LOG.info("newsdelta started {} in {} ms", services, (System.nanoTime() - begin) / 1_000_000);
    return pipeline;
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
