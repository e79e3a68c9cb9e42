package io.newsdelta.notifier.delivery;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics;
import io.newsdelta.notifier.channel.ChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One channel's delivery lane: a consumer of {@link Topics#ARTICLE_CHANGES} in a group of its own,
 * {@code newsdelta-notifier-<channel>}, with a delivery thread of its own. Each channel therefore keeps its own
 * committed position: a change this channel took is never sent to it again because another channel was still
 * failing, and a slow or dead endpoint holds back only its own lane.
 *
 * <p>Changes are delivered in order, one at a time. While one is in flight the partitions are paused and the
 * consumer keeps polling, so a long backoff never gets the lane thrown out of its group. A change's offset is
 * committed once the channel took it, did not want it (subscriptions), or it was dead-lettered; on shutdown,
 * waits between retries end at once, the in-flight attempt finishes, and a change not yet settled is left
 * uncommitted so the next run delivers it again (its id lets receivers drop the repeat). A lane whose group has
 * no committed position yet starts where {@link LaneStart} says.
 */
public final class DeliveryLane implements AutoCloseable {
  /** The consumer group of the notifier before channels had lanes; new lanes start from its position. */
  public static final String LEGACY_GROUP_ID = "newsdelta-notifier";

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLane.class);
  private static final Duration WAIT_STEP = Duration.ofMillis(20);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String channel;
  private final RetryingDelivery delivery;
  private final Routing routing;
  private final LaneStart laneStart;
  private final ExecutorService executor;
  private final StopSignal stop;
  private final Thread thread;
  private final Set<TopicPartition> owned = new HashSet<>();
  private final Map<TopicPartition, OffsetAndMetadata> settled = new HashMap<>();
  /** Offsets handed to commitAsync; committed again synchronously on revoke and close, which is harmless. */
  private final Map<TopicPartition, OffsetAndMetadata> pendingAsync = new HashMap<>();
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile boolean failed;
  private volatile boolean disabled;
  private boolean inFlight;

  /** The consumer group of a channel's lane. */
  public static String groupId(String channel) {
    return LEGACY_GROUP_ID + "-" + channel;
  }

  /**
   * A lane that hands each change {@code routing} gives the channel to {@code delivery}.
   *
   * @param stop signalled by {@link #close(Duration)}; {@code delivery} must share it
   */
  public DeliveryLane(
      String bootstrapServers, RetryingDelivery delivery, Routing routing, LaneStart laneStart, StopSignal stop) {
    this.channel = delivery.channel().name();
    this.delivery = delivery;
    this.routing = routing;
    this.laneStart = laneStart;
    this.stop = stop;
    String threadName = "notifier-lane-" + channel;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName + "-send");
      t.setDaemon(true);
      return t;
    });
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(channel));
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-notifier-" + channel.replaceAll("[^A-Za-z0-9._-]", "_"));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, threadName);
  }

  /** The channel this lane delivers to. */
  public String channel() {
    return channel;
  }

  /** Whether the channel answered 410 Gone, which stopped this lane until the next start. */
  public boolean disabled() {
    return disabled;
  }

  /** Starts consuming on a thread of its own. */
  public void start() {
    started = true;
    thread.start();
  }

  /** Whether the loop stopped on an error it cannot recover from (it then logged one line saying why). */
  public boolean failed() {
    return failed;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.ARTICLE_CHANGES), new Rebalance());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!handle(records)) {
          break;
        }
      }
    } catch (WakeupException e) {
      if (running) {
        failed = true;
        LOG.error("Delivery to {} stopped: the consumer was woken up unexpectedly", channel);
      }
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("Delivery to {} stopped: {}", channel, e.getMessage(), e);
    } finally {
      commitSync();
      consumer.close(Duration.ofSeconds(5));
      executor.shutdownNow();
    }
  }

  /** Delivers a batch in order per partition; false when stopping part-way (the rest is left uncommitted). */
  private boolean handle(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<String, byte[]> rec : records.records(tp)) {
        if (!owned.contains(tp)) {
          break; // revoked while an earlier change was in flight: the new owner takes over from the commit
        }
        if (!running || !deliver(rec)) {
          return false;
        }
        if (owned.contains(tp)) {
          settled.put(tp, new OffsetAndMetadata(rec.offset() + 1));
          commitAsync();
        }
      }
    }
    return running;
  }

  /** Delivers one change if the channel wants it; true when it is settled (delivered, not wanted, dead-lettered). */
  private boolean deliver(ConsumerRecord<String, byte[]> rec) {
    ChangeEvent event;
    try {
      event = rec.value() == null ? null : ChangeEvent.read(rec.value(), header(rec, "ce_source"));
    } catch (NewsdeltaException e) {
      LOG.error(
          "Skipping an unreadable change at {}-{} offset {}: {}; channel {} does not get it",
          rec.topic(), rec.partition(), rec.offset(), e.getMessage(), channel);
      return true;
    }
    if (event == null || event.change().changeId() == null) {
      LOG.warn("Skipping a change without a changeId at {}-{} offset {}", rec.topic(), rec.partition(), rec.offset());
      return true;
    }
    if (!routing.wants(channel, event)) {
      return true;
    }
    CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> deliverLogged(event), executor);
    awaitPolling(outcome);
    try {
      Outcome result = outcome.get();
      if (result == Outcome.DISABLED) {
        disabled = true;
        running = false; // settled (dead-lettered); nothing more goes to a gone endpoint until the next start
      }
      return result != Outcome.ABORTED;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new NewsdeltaException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Outcome deliverLogged(ChangeEvent event) {
    MDC.put("articleId", event.change().articleId());
    MDC.put("changeId", event.change().changeId());
    MDC.put("channel", channel);
    try {
      return delivery.deliver(event);
    } finally {
      MDC.remove("articleId");
      MDC.remove("changeId");
      MDC.remove("channel");
    }
  }

  /** Waits for the deliveries, polling the paused consumer meanwhile to stay in the group. */
  private void awaitPolling(CompletableFuture<Outcome> all) {
    inFlight = true;
    consumer.pause(consumer.assignment());
    try {
      boolean polling = true;
      while (true) {
        try {
          all.get(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          // still delivering
        } catch (ExecutionException e) {
          return; // the caller reads the failure
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (polling) {
          try {
            rewind(consumer.poll(Duration.ZERO));
          } catch (WakeupException e) {
            polling = false; // stopping: let the in-flight POSTs finish, the retry waits already ended
          }
        }
      }
    } finally {
      inFlight = false;
      consumer.resume(consumer.paused());
    }
  }

  /** A paused consumer returns nothing, but if it ever does, the records must be read again later. */
  private void rewind(ConsumerRecords<String, byte[]> unexpected) {
    for (TopicPartition tp : unexpected.partitions()) {
      consumer.seek(tp, unexpected.records(tp).get(0).offset());
    }
  }

  private void commitAsync() {
    if (settled.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(settled);
    settled.clear();
    consumer.commitAsync(
        offsets,
        (committed, e) -> {
          if (e != null) {
            LOG.warn("Could not commit delivered offsets {} ({}); they are committed again later", offsets, e.toString());
          }
        });
    pendingAsync.putAll(offsets);
  }

  private void commitSync() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pendingAsync);
    offsets.putAll(settled);
    offsets.keySet().retainAll(owned);
    settled.clear();
    pendingAsync.clear();
    if (offsets.isEmpty()) {
      return;
    }
    try {
      try {
        consumer.commitSync(offsets, Duration.ofSeconds(10));
      } catch (WakeupException e) {
        consumer.commitSync(offsets, Duration.ofSeconds(10)); // the wake-up was meant for poll: commit anyway
      }
      LOG.debug("Committed {}", offsets);
    } catch (RuntimeException e) {
      LOG.warn("Could not commit delivered offsets {} ({}); those changes may be delivered again", offsets, e.toString());
    }
  }

  private static String header(ConsumerRecord<String, byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null || h.value() == null ? "/newsdelta/diff-worker" : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Asks the lane to stop: polling ends, waits between retries end at once (the stop signal is shared). */
  public void beginClose() {
    running = false;
    stop.stop();
    if (started) {
      consumer.wakeup();
    }
  }

  /** Stops polling, lets the in-flight attempt finish, commits what was settled; waits up to {@code timeout}. */
  public void close(Duration timeout) {
    beginClose();
    if (!started) {
      consumer.close(Duration.ZERO);
      executor.shutdownNow();
      return;
    }
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Delivery to {} did not stop within {} s; undelivered changes will be delivered on the next start",
          channel, timeout.toSeconds());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }

  /** Commits what is settled before partitions move to another instance, and pauses new ones mid-delivery. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitSync();
      owned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      settled.keySet().removeAll(partitions);
      pendingAsync.keySet().removeAll(partitions);
      owned.removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      owned.addAll(partitions);
      laneStart.position(consumer, partitions, channel);
      if (inFlight) {
        consumer.pause(partitions);
      }
      LOG.info("Delivering changes from {} to {}", partitions, channel);
    }
  }
}
