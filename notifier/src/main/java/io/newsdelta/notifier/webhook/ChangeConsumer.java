package io.newsdelta.notifier.webhook;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * The poll loop that delivers {@link Topics#ARTICLE_CHANGES} to the webhooks, one change at a time per
 * instance, in the consumer group {@link #GROUP_ID}.
 *
 * <p>Each change goes to every webhook in parallel, so a failing endpoint only holds the others back for
 * its own retries. While deliveries are in flight the partitions are paused and the consumer keeps
 * polling, so a long backoff never gets the instance thrown out of the group. A change's offset is
 * committed once every webhook has taken it or it was dead-lettered; on shutdown, waits between retries end
 * at once, in-flight POSTs finish, and a change not yet settled everywhere is left uncommitted so the next
 * run delivers it again (the Idempotency-Key lets receivers drop the repeat).
 */
public final class ChangeConsumer implements AutoCloseable {
  /** The consumer group of the webhook deliveries. */
  public static final String GROUP_ID = "newsdelta-notifier";

  private static final Logger LOG = LoggerFactory.getLogger(ChangeConsumer.class);
  private static final Duration WAIT_STEP = Duration.ofMillis(100);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<URI> webhooks;
  private final WebhookDelivery delivery;
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
  private boolean inFlight;

  /**
   * A consumer that hands each change to {@code delivery} for every webhook, on {@code executor}.
   *
   * @param stop signalled by {@link #close(Duration)}; {@code delivery} must share it
   */
  public ChangeConsumer(
      String bootstrapServers, List<URI> webhooks, WebhookDelivery delivery, ExecutorService executor, StopSignal stop) {
    this.webhooks = List.copyOf(webhooks);
    this.delivery = delivery;
    this.executor = executor;
    this.stop = stop;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-notifier-webhooks");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "notifier-webhooks");
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
        LOG.error("Webhook delivery stopped: the consumer was woken up unexpectedly");
      }
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("Webhook delivery stopped: {}", e.getMessage(), e);
    } finally {
      commitSync();
      consumer.close(Duration.ofSeconds(5));
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

  /** Delivers one change to every webhook; true when it is settled everywhere (delivered or dead-lettered). */
  private boolean deliver(ConsumerRecord<String, byte[]> rec) {
    ArticleChange change;
    try {
      change = rec.value() == null ? null : Json.read(rec.value(), ArticleChange.class);
    } catch (NewsdeltaException e) {
      LOG.error(
          "Skipping an unreadable change at {}-{} offset {}: {}; no webhook gets it",
          rec.topic(), rec.partition(), rec.offset(), e.getMessage());
      return true;
    }
    if (change == null || change.changeId() == null) {
      LOG.warn("Skipping a change without a changeId at {}-{} offset {}", rec.topic(), rec.partition(), rec.offset());
      return true;
    }
    String source = header(rec, "ce_source");
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(webhooks.size());
    for (URI webhook : webhooks) {
      outcomes.add(CompletableFuture.supplyAsync(() -> deliverLogged(webhook, change, source), executor));
    }
    awaitPolling(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)));
    boolean settledEverywhere = true;
    for (CompletableFuture<Outcome> outcome : outcomes) {
      try {
        settledEverywhere &= outcome.get() != Outcome.ABORTED;
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new NewsdeltaException(e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return settledEverywhere;
  }

  private Outcome deliverLogged(URI webhook, ArticleChange change, String source) {
    MDC.put("articleId", change.articleId());
    MDC.put("changeId", change.changeId());
    try {
      return delivery.deliver(webhook, change, source);
    } finally {
      MDC.remove("articleId");
      MDC.remove("changeId");
    }
  }

  /** Waits for the deliveries, polling the paused consumer meanwhile to stay in the group. */
  private void awaitPolling(CompletableFuture<Void> all) {
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
    return h == null || h.value() == null ? KafkaDeadLetters.SOURCE : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Stops polling, lets in-flight POSTs finish, commits what was delivered; waits up to {@code timeout}. */
  public void close(Duration timeout) {
    running = false;
    stop.stop();
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Webhook delivery did not stop within {} s; undelivered changes will be delivered on the next start", timeout.toSeconds());
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
      if (inFlight) {
        consumer.pause(partitions);
      }
      LOG.info("Delivering changes from {}", partitions);
    }
  }
}
