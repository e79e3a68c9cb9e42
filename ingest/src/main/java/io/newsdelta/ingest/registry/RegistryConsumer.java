package io.newsdelta.ingest.registry;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.registry.FeedRegistry.Change;
import io.newsdelta.ingest.registry.FeedRegistry.Ignored;
import io.newsdelta.ingest.registry.FeedRegistry.Restarted;
import io.newsdelta.ingest.registry.FeedRegistry.Started;
import io.newsdelta.ingest.registry.FeedRegistry.Stopped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link Topics#FEEDS} as a member of consumer group {@value #GROUP_ID} and tells its {@link Listener}
 * which feeds this instance polls. On every assignment the new partitions are read from the beginning (the
 * topic is compacted: its whole content is the registry), so no offsets are committed; once read to the
 * end they had, their live feeds start; after that a registration starts a feed, a tombstone stops it,
 * and a revocation hands the partition's feeds over to another instance.
 * The cooperative sticky assignor moves only the partitions that must move, so the others keep polling
 * through a rebalance.
 *
 * <p>Runs on its own thread ({@link #run()}) until {@link #stop()}. Broker trouble is logged once while it
 * lasts and retried; a record that is not a registration is skipped with a warning.
 */
public final class RegistryConsumer implements Runnable {
  /** The consumer group every ingest instance joins. */
  public static final String GROUP_ID = "newsdelta-ingest";

  /** What the registry means for this instance. Called on the consumer's thread. */
  public interface Listener {
    /**
     * New partitions are about to be read from the beginning: the moment to read the state of their
     * articles, which their previous owner has finished writing. May block; returns false when the
     * instance is stopping.
     */
    boolean assigning(Set<Integer> partitions);

    /** Start polling a feed. */
    void started(Started feed);

    /**
     * Stop polling feeds.
     *
     * @param feeds the feeds
     * @param handOver true when another instance takes them over (wait for their checks in flight), false
     *     when they were removed from the registry or the partitions were lost
     */
    void stopped(List<Stopped> feeds, boolean handOver);

    /**
     * A feed was removed from the registry (a tombstone), after {@link #stopped}: what is kept for the feed
     * outside this instance (a WebSub subscription) can be ended.
     */
    default void removed(Stopped feed) {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(RegistryConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Listener listener;
  private final FeedRegistry registry = new FeedRegistry();
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** Partitions being loaded, with the end offset to read them to (null until it is known). */
  private final Map<TopicPartition, Long> loading = new HashMap<>();
  private volatile boolean stopping;
  private String failing;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param listener told which feeds to poll
   */
  public RegistryConsumer(String bootstrapServers, Listener listener) {
    this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), new StringDeserializer(),
        new ByteArrayDeserializer());
    this.listener = listener;
  }

  /** The consumer settings: group {@value #GROUP_ID}, no commits, cooperative rebalancing, prompt failover. */
  static Properties consumerConfig(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-ingest-registry-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    // A crashed instance's feeds move after 10 s; the registry is small, so frequent heartbeats cost nothing
    // and make rebalances quick.
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    return props;
  }

  /** Follows the registry until {@link #stop()}, then leaves the group. */
  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.FEEDS), new Rebalance());
      while (!stopping) {
        pollOnce();
      }
    } catch (WakeupException | InterruptException e) {
      if (!stopping) {
        LOG.error("Stopped reading the feed registry {} unexpectedly: {}", Topics.FEEDS, e.toString());
      }
    } finally {
      try {
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      } catch (KafkaException e) {
        LOG.warn("Could not leave consumer group {} cleanly: {}", GROUP_ID, e.toString());
      }
    }
  }

  /** Makes {@link #run()} leave the group and return; callable from any thread. */
  public void stop() {
    stopping = true;
    stopped.countDown();
    consumer.wakeup();
  }

  private void pollOnce() {
    try {
      for (ConsumerRecord<String, byte[]> rec : consumer.poll(POLL)) {
        try {
          apply(rec);
        } catch (RuntimeException e) {
          LOG.error("Unexpected failure while applying registry record {} at {}-{}@{}", rec.key(), rec.topic(),
              rec.partition(), rec.offset(), e);
        }
      }
      checkLoaded();
      if (failing != null) {
        LOG.info("Reading the feed registry {} works again", Topics.FEEDS);
        failing = null;
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (!problem.equals(failing)) {
        LOG.error("Cannot read the feed registry {} ({}); retrying every {} s", Topics.FEEDS, problem,
            RETRY.toSeconds());
        failing = problem;
      }
      pause(RETRY);
    }
  }

  /** Starts the feeds of every partition read to the end it had when it was assigned. */
  private void checkLoaded() {
    if (loading.isEmpty()) {
      return;
    }
    List<TopicPartition> unknownEnd = loading.entrySet().stream()
        .filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    if (!unknownEnd.isEmpty()) {
      loading.putAll(consumer.endOffsets(unknownEnd));
    }
    for (TopicPartition tp : List.copyOf(loading.keySet())) {
      if (consumer.position(tp) >= loading.get(tp)) {
        loading.remove(tp);
        List<Started> feeds = registry.loaded(tp.partition());
        LOG.info("Partition {} of {} read: {} feeds to poll", tp.partition(), Topics.FEEDS, feeds.size());
        feeds.forEach(listener::started);
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> rec) {
    FeedRegistration value;
    try {
      value = rec.value() == null ? null : Json.read(rec.value(), FeedRegistration.class);
    } catch (NewsdeltaException e) {
      LOG.warn("Skipping record {} at {}-{}@{}: not a feed registration ({})", rec.key(), rec.topic(),
          rec.partition(), rec.offset(), e.getMessage());
      return;
    }
    Change change = registry.apply(rec.partition(), rec.key(), value);
    if (change instanceof Started started) {
      listener.started(started);
    } else if (change instanceof Restarted restarted) {
      LOG.info("Feed {} was registered again as kind {} with schedule {}", restarted.feed().feedUrl(),
          restarted.feed().kind(), restarted.feed().schedule());
      listener.stopped(List.of(new Stopped(restarted.feed().feedUrl())), false);
      listener.started(restarted.feed());
    } else if (change instanceof Stopped stoppedFeed) {
      LOG.info("Feed {} was removed from the registry", stoppedFeed.feedUrl());
      listener.stopped(List.of(stoppedFeed), false);
      listener.removed(stoppedFeed);
    } else if (change instanceof Ignored ignored) {
      LOG.warn("Skipping record at {}-{}@{}: {}", rec.topic(), rec.partition(), rec.offset(), ignored.reason());
    }
  }

  /** Waits, unless stopping; a stop ends the wait at once. */
  private void pause(Duration wait) {
    try {
      stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    return partitions.stream()
        .filter(tp -> tp.topic().equals(Topics.FEEDS))
        .map(TopicPartition::partition)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Follows the assignment; exceptions stay here, so a listener bug never stops the consumer. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<Integer> assigned = numbers(partitions);
      if (assigned.isEmpty() || stopping) {
        return;
      }
      try {
        if (!listener.assigning(assigned)) {
          return;
        }
        registry.assign(assigned);
        consumer.seekToBeginning(partitions);
        partitions.forEach(tp -> loading.put(tp, null));
        LOG.info("Reading partitions {} of {} (assigned now: {})", assigned, Topics.FEEDS, registry.assigned());
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure while taking partitions {} of {}", assigned, Topics.FEEDS, e);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      give(partitions, !stopping, "handed over");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      give(partitions, false, "lost (this instance was out of the group)");
    }

    private void give(Collection<TopicPartition> partitions, boolean handOver, String how) {
      Set<Integer> numbers = numbers(partitions);
      if (numbers.isEmpty()) {
        return;
      }
      try {
        partitions.forEach(loading::remove);
        List<Stopped> feeds = registry.revoke(numbers);
        if (!stopping) {
          LOG.info("Partitions {} of {} {}: stopping {} feeds", numbers, Topics.FEEDS, how, feeds.size());
        }
        listener.stopped(feeds, handOver);
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure while giving up partitions {} of {}", numbers, Topics.FEEDS, e);
      }
    }
  }
}
