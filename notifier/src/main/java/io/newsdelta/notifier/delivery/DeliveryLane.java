package io.newsdelta.notifier.delivery;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.DigestChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@code newsdelta-notifier-<channel>} (client id {@code newsdelta-notifier-lane-<channel>-<n>}, from
 * {@link KafkaClients}: {@code read_committed}, no auto-commit, from the earliest offset), and a small pool of
 * delivery threads of its own. Each channel therefore keeps its own committed position: a change this channel took
 * is never sent to it again because another channel was still failing, and a slow or dead endpoint holds back only
 * its own lane.
 *
 * <p>Up to {@code maxInFlight} changes are in progress at once (being sent or waiting to be retried), never two of
 * one article: an article's changes reach the channel in the order they were written, while a change waiting for
 * its retry does not hold back the other articles' changes. The poll thread only reads, hands changes to the
 * {@link KeyedQueue} and commits; it pauses the partitions while {@link #MAX_BUFFERED} changes wait, so a dead
 * endpoint's backlog stays in Kafka, not in memory.
 *
 * <p>Progress per partition is kept by {@link PartitionProgress}: the committed offset is the lowest change not
 * yet settled (delivered, not wanted, or dead-lettered), and the commit's metadata lists which changes above it
 * are settled, so a restart neither loses a change nor sends one the channel already took. On shutdown, waits
 * between retries end at once, attempts in progress finish, and what is settled is committed. A lane whose group
 * has no committed position yet starts where {@link LaneStart} says.
 *
 * <p>A {@link DigestChannel} with a period collects its changes instead and sends them as one message once the
 * oldest has waited the period (or {@link #MAX_DIGEST} are waiting), one digest at a time. Without a period of its
 * own, it collects the changes a subscription with a {@code digest} routes to it into one digest per subscription.
 */
public final class DeliveryLane implements AutoCloseable {
  /** The consumer group of the notifier before channels had lanes; new lanes start from its position. */
  public static final String LEGACY_GROUP_ID = "newsdelta-notifier";

  /** Changes read and not settled, per lane, beyond which the lane stops reading until some settle. */
  static final int MAX_BUFFERED = 1000;

  /** The most changes in one digest; more within one period go out in the next mail at once. */
  static final int MAX_DIGEST = 200;

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLane.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String changesTopic;
  private final String channel;
  private final RetryingDelivery delivery;
  private final Routing routing;
  private final LaneStart laneStart;
  private final ExecutorService senders;
  private final StopSignal stop;
  private final Thread thread;
  private final KeyedQueue<Pending> queue;
  /** Guards {@link #progress} and {@link #dirty}: the poll thread and the senders both settle changes. */
  private final Object lock = new Object();
  private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
  private final Set<TopicPartition> dirty = new HashSet<>();
  private final Duration drainTimeout;
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile boolean failed;
  private volatile boolean disabled;
  private boolean paused;
  /** The digest period of a digest channel, or null: each change is sent alone (or in a subscription's digest). */
  private final Duration digestPeriod;
  /** Whether the channel can send digests at all (e-mail). */
  private final boolean digests;
  /**
   * The digests being collected, in reading order within each (poll thread only): the channel's own
   * ({@link #CHANNEL_DIGEST}) or one per subscription with a {@code digest}.
   */
  private final Map<String, Digest> collecting = new java.util.LinkedHashMap<>();
  private volatile boolean digestSending;
  /** Records on the topic this lane has not read yet, as the consumer last knew (poll thread writes). */
  private volatile long unread;
  /** How many changes {@link #collecting} holds, for other threads (the gauges). */
  private volatile int digestSize;

  /** The key of a channel's own digest among {@link #collecting} (no subscription is named so: names are not blank). */
  private static final String CHANNEL_DIGEST = "";

  /** The changes of one digest being collected, and when the oldest of them was written (record time, epoch ms). */
  private static final class Digest {
    final String subscription;
    final Duration period;
    final List<Pending> changes = new ArrayList<>();
    long oldest;

    Digest(String subscription, Duration period) {
      this.subscription = subscription;
      this.period = period;
    }
  }

  /** One change on its way to the channel. */
  private record Pending(TopicPartition tp, long offset, String key, ChangeEvent event, PartitionProgress progress) {}

  /** The consumer group of a channel's lane. */
  public static String groupId(String channel) {
    return LEGACY_GROUP_ID + "-" + channel;
  }

  /**
   * A lane that hands each change {@code routing} gives the channel to {@code delivery}, up to
   * {@code maxInFlight} at once.
   *
   * @param stop this lane's own signal, shared with {@code delivery}; signalled by {@link #beginClose()} and when
   *     the endpoint is gone
   * @param drainTimeout how long a stopping lane waits for its attempts in progress (the attempt timeout)
   */
  public DeliveryLane(
      String bootstrapServers, RetryingDelivery delivery, Routing routing, LaneStart laneStart, StopSignal stop,
      int maxInFlight, Duration drainTimeout) {
    this(bootstrapServers, Topics.ARTICLE_CHANGES, delivery, routing, laneStart, stop, maxInFlight, drainTimeout);
  }

  /**
   * The same reading {@code changesTopic}: the changes topic of the diff worker's generation
   * ({@code diff-worker.topic-generation}).
   */
  public DeliveryLane(
      String bootstrapServers, String changesTopic, RetryingDelivery delivery, Routing routing, LaneStart laneStart,
      StopSignal stop, int maxInFlight, Duration drainTimeout) {
    this.changesTopic = changesTopic;
    this.channel = delivery.channel().name();
    this.delivery = delivery;
    this.routing = routing;
    this.laneStart = laneStart;
    this.stop = stop;
    this.drainTimeout = drainTimeout;
    this.digestPeriod = delivery.channel() instanceof DigestChannel d ? d.digestPeriod() : null;
    this.digests = delivery.channel() instanceof DigestChannel;
    String threadName = "notifier-lane-" + channel;
    AtomicInteger n = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(maxInFlight, r -> {
      Thread t = new Thread(r, threadName + "-send-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.queue = new KeyedQueue<>(maxInFlight, Pending::key, p -> senders.execute(() -> send(p)));
    this.consumer = new KafkaClients(bootstrapServers, "notifier").consumer(clientRole(channel), Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, groupId(channel),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, threadName);
  }

  /**
   * The role in the lane consumer's client id, {@code newsdelta-notifier-lane-<channel>-<n>}: the channel's name in
   * lower case, anything but letters, digits and '-' as '-'.
   */
  static String clientRole(String channel) {
    return "lane-" + channel.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
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

  /**
   * The lane's own poll loop, not a {@code ConsumerRunner}: any failure here stops the lane and marks it
   * {@link #failed()} ({@code /healthz} and {@code /health/ready} answer 503), where the runner retries broker
   * trouble and skips a record whose handling failed; a failure retried after {@link Rebalance#onPartitionsAssigned}
   * threw would leave partitions assigned without their {@link PartitionProgress}, whose changes would then be read
   * past and not delivered until the next rebalance. And the last commit must follow the senders' drain, before the
   * consumer closes.
   */
  private void run() {
    try {
      consumer.subscribe(List.of(changesTopic), new Rebalance());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> rec : records) {
          accept(rec);
        }
        sendDigestWhenDue();
        digestSize = collected();
        applyBackpressure();
        unread = currentLag();
        commit(false);
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
      drain();
      commit(true);
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Reads one record: skips it when settled already or unwanted, else queues it for the channel. */
  private void accept(ConsumerRecord<String, byte[]> rec) {
    TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
    PartitionProgress p;
    synchronized (lock) {
      p = progress.get(tp);
      if (p == null || !p.read(rec.offset())) {
        return; // revoked meanwhile, or the channel took it before the last restart
      }
    }
    ChangeEvent event = readable(rec);
    Routing.Route route = event == null ? Routing.Route.NONE : routing.route(channel, event);
    if (!route.wanted()) {
      settle(tp, rec.offset(), p);
      return;
    }
    String key = rec.key() != null ? rec.key() : String.valueOf(event.change().articleId());
    Pending pending = new Pending(tp, rec.offset(), key, event, p);
    // The channel's own digest takes everything; else a subscription's digest takes what it matched.
    String group = digestPeriod != null ? CHANNEL_DIGEST : digests && route.digest() != null ? route.digest() : null;
    if (group == null) {
      queue.offer(pending);
      return;
    }
    Digest d = collecting.computeIfAbsent(group,
        g -> new Digest(g.isEmpty() ? null : g, g.isEmpty() ? digestPeriod : route.period()));
    if (d.changes.isEmpty()) {
      d.oldest = rec.timestamp();
    }
    d.changes.add(pending);
  }

  private int collected() {
    int n = 0;
    for (Digest d : collecting.values()) {
      n += d.changes.size();
    }
    return n;
  }

  /**
   * A digest channel's changes stay open (uncommitted) until the digest holding them is sent, so the pending
   * digest lives in Kafka: after a restart they are read again, with their original timestamps, into the same
   * digest, and the changes an earlier digest took are skipped (the commit metadata lists them).
   */
  private void sendDigestWhenDue() {
    if (digestSending || collecting.isEmpty() || !running) {
      return;
    }
    long now = System.currentTimeMillis();
    for (Digest d : collecting.values()) {
      boolean due = !d.changes.isEmpty()
          && (now >= d.oldest + d.period.toMillis() || d.changes.size() >= MAX_DIGEST);
      if (!due) {
        continue;
      }
      List<Pending> head = d.changes.subList(0, Math.min(MAX_DIGEST, d.changes.size()));
      List<Pending> batch = new ArrayList<>();
      for (Pending p : head) {
        if (current(p)) {
          batch.add(p);
        }
      }
      head.clear();
      if (!d.changes.isEmpty()) {
        d.oldest = now - d.period.toMillis(); // the rest is overdue too: next loop
      }
      if (batch.isEmpty()) {
        continue;
      }
      digestSending = true;
      String subscription = d.subscription;
      senders.execute(() -> sendDigest(batch, subscription));
      return; // one digest at a time
    }
  }

  /** On a sender thread: one digest; its changes are settled together once it was sent or dead-lettered. */
  private void sendDigest(List<Pending> batch, String subscription) {
    Outcome outcome = Outcome.ABORTED;
    try {
      MDC.put("channel", channel);
      outcome = delivery.deliverDigest(batch.stream().map(Pending::event).toList(), subscription);
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("Delivery to {} stopped: {}", channel, e.getMessage());
      stopLane();
    } finally {
      MDC.remove("channel");
      if (outcome == Outcome.DISABLED) {
        disabled = true;
        stopLane();
      }
      if (outcome != Outcome.ABORTED) {
        batch.forEach(p -> settle(p.tp(), p.offset(), p.progress()));
      }
      digestSending = false;
    }
  }

  private ChangeEvent readable(ConsumerRecord<String, byte[]> rec) {
    ChangeEvent event;
    try {
      event = rec.value() == null ? null : ChangeEvent.read(rec.value(), header(rec, "ce_source"));
    } catch (NewsdeltaException e) {
      LOG.error(
          "Skipping an unreadable change at {}-{} offset {}: {}; channel {} does not get it",
          rec.topic(), rec.partition(), rec.offset(), e.getMessage(), channel);
      return null;
    }
    if (event == null || event.change().changeId() == null) {
      LOG.warn("Skipping a change without a changeId at {}-{} offset {}", rec.topic(), rec.partition(), rec.offset());
      return null;
    }
    return event;
  }

  /** On a sender thread: delivers one change and settles it unless the lane stopped first. */
  private void send(Pending p) {
    Outcome outcome = Outcome.ABORTED;
    try {
      if (current(p) && running) {
        outcome = deliverLogged(p.event());
      }
    } catch (RuntimeException e) {
      // The dead-letter topic cannot be written: the change stays unsettled and the lane stops.
      failed = true;
      LOG.error("Delivery to {} stopped: {}", channel, e.getMessage());
      stopLane();
    } finally {
      if (outcome == Outcome.DISABLED) {
        disabled = true;
        queue.halt();
        stopLane(); // nothing more goes to a gone endpoint until the next start
      }
      if (outcome != Outcome.ABORTED) {
        settle(p.tp(), p.offset(), p.progress());
      }
      queue.done(p);
    }
  }

  private boolean current(Pending p) {
    synchronized (lock) {
      return progress.get(p.tp()) == p.progress();
    }
  }

  private void settle(TopicPartition tp, long offset, PartitionProgress p) {
    synchronized (lock) {
      p.settled(offset);
      if (progress.get(tp) == p) {
        dirty.add(tp);
      }
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

  /**
   * Changes read and not settled yet: waiting, being sent, waiting for a retry, or collected for a digest. A dead
   * endpoint's lane holds up to {@link #MAX_BUFFERED} here and then stops reading (its lag grows instead).
   */
  public int pending() {
    return queue.size() + digestSize;
  }

  /** How far this lane is behind the topic: the changes it has not read yet plus those {@link #pending()}. */
  public long lag() {
    return unread + pending();
  }

  /** The consumer's own count of records after its position (no request: from the last fetch). */
  private long currentLag() {
    long sum = 0;
    for (TopicPartition tp : consumer.assignment()) {
      sum += consumer.currentLag(tp).orElse(0);
    }
    return sum;
  }

  /** Stops reading while too many changes wait (a dead endpoint), reads again once half of them are gone. */
  private void applyBackpressure() {
    int buffered = queue.size() + digestSize;
    if (!paused && buffered >= MAX_BUFFERED) {
      consumer.pause(consumer.assignment());
      paused = true;
    } else if (paused && buffered < MAX_BUFFERED / 2) {
      consumer.resume(consumer.paused());
      paused = false;
    }
  }

  /** Commits the partitions whose progress moved (all owned ones when {@code sync}, on revoke and close). */
  private void commit(boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    synchronized (lock) {
      for (TopicPartition tp : sync ? progress.keySet() : dirty) {
        PartitionProgress p = progress.get(tp);
        if (p != null) {
          offsets.put(tp, new OffsetAndMetadata(p.committable(), p.metadata()));
        }
      }
      dirty.clear();
    }
    if (offsets.isEmpty()) {
      return;
    }
    if (!sync) {
      consumer.commitAsync(offsets, (committed, e) -> {
        if (e != null) {
          LOG.warn("Could not commit delivered offsets {} ({}); they are committed again later", offsets, e.toString());
          synchronized (lock) {
            dirty.addAll(offsets.keySet());
          }
        }
      });
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

  /** Lets the attempts in progress end (retry waits end at once: the stop signal is set). */
  private void drain() {
    queue.halt();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(drainTimeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
        LOG.warn("Deliveries to {} still in progress at shutdown; they will be delivered again on the next start", channel);
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      senders.shutdownNow();
    }
  }

  private static String header(ConsumerRecord<String, byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null || h.value() == null ? "/newsdelta/diff-worker" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void stopLane() {
    running = false;
    stop.stop();
    if (started) {
      consumer.wakeup();
    }
  }

  /** Asks the lane to stop: polling ends, waits between retries end at once. */
  public void beginClose() {
    stopLane();
  }

  /** Stops polling, lets the attempts in progress finish, commits what was settled; waits up to {@code timeout}. */
  public void close(Duration timeout) {
    beginClose();
    if (!started) {
      consumer.close(Duration.ZERO);
      senders.shutdownNow();
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

  /**
   * Commits what is settled before partitions move to another instance; on assignment, reads each partition's
   * committed offset and metadata to know which changes above it were settled already.
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit(true);
      synchronized (lock) {
        progress.keySet().removeAll(partitions);
        dirty.removeAll(partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      synchronized (lock) {
        progress.keySet().removeAll(partitions);
        dirty.removeAll(partitions);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(10));
      laneStart.position(consumer, partitions, channel);
      Map<TopicPartition, PartitionProgress> restored = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata om = committed.get(tp);
        restored.put(tp, om == null
            ? PartitionProgress.restore(consumer.position(tp, Duration.ofSeconds(10)), null)
            : PartitionProgress.restore(om.offset(), om.metadata()));
      }
      synchronized (lock) {
        progress.putAll(restored);
      }
      if (paused) {
        consumer.pause(partitions);
      }
      LOG.info("Delivering changes from {} to {}", partitions, channel);
    }
  }
}
