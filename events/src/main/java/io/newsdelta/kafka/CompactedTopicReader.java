package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole (compacted) topic, every partition from the beginning with no consumer group, to the end offsets
 * it had when reading began, and says when it got there ("caught up"); then, if asked, follows it. Tombstones
 * reach the handler as records with a null value: what a tombstone means is the handler's business.
 *
 * <pre>{@code
 * // once, to the end:
 * try (KafkaConsumer<String, byte[]> consumer = clients.consumer("restore", Map.of(), keys, values)) {
 *   new CompactedTopicReader<>(consumer, Topics.INGEST_STATE, states::apply).readToEnd(Duration.ofMinutes(2));
 * }
 * // to the end, then following on a thread of its own:
 * CompactedTopicReader<String, StoryEvent> reader = new CompactedTopicReader<>(consumer, Topics.STORIES, book::apply);
 * ConsumerRunner<String, StoryEvent> runner = reader.follow("story-view", () -> ready()).build().start();
 * }</pre>
 */
public final class CompactedTopicReader<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * What {@link #readToEnd} read.
   *
   * @param topicExists false when the topic does not exist (nothing was read)
   * @param records records handled, tombstones included
   */
  public record Read(boolean topicExists, long records) {}

  private final Consumer<K, V> consumer;
  private final String topic;
  private final RecordHandler<K, V> handler;
  private final Backlog backlog = new Backlog();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private long records;
  private boolean waitingLogged;
  private boolean missingIsEmpty;

  /**
   * @param consumer a consumer with no group (the reader assigns it every partition); the caller closes it, or
   *     the runner of {@link #follow} does
   * @param topic the topic to read
   * @param handler what to do with each record, on the consumer's thread
   */
  public CompactedTopicReader(Consumer<K, V> consumer, String topic, RecordHandler<K, V> handler) {
    this.consumer = consumer;
    this.topic = topic;
    this.handler = handler;
  }

  /**
   * Makes {@link #follow} count a topic that does not exist as read to its end (it holds nothing): caught up at
   * once, then the topic is followed from the moment it is created. Without it, caught up waits for the topic.
   * For readers whose callers wait for "caught up" before they go on (a command listing what the topic holds).
   */
  public CompactedTopicReader<K, V> missingTopicIsEmpty() {
    this.missingIsEmpty = true;
    return this;
  }

  /**
   * Reads the topic to the end it has now, on the calling thread.
   *
   * @throws NewsdeltaException when the topic cannot be read to its end within {@code timeout}
   */
  public Read readToEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!assign(timeout)) {
        return new Read(false, 0);
      }
      while (!backlogRead()) {
        if (System.nanoTime() > deadline) {
          throw new NewsdeltaException("could not read " + topic + " to its end within " + timeout
              + "; check that the Kafka cluster is healthy");
        }
        pollOnce(POLL);
      }
      caughtUp.countDown();
      return new Read(true, records);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new NewsdeltaException("could not read " + topic + " to its end within " + timeout + " ("
          + e.getMessage() + "); check that the Kafka cluster is healthy", e);
    } catch (KafkaException e) {
      throw new NewsdeltaException("could not read " + topic + ": " + e.getMessage(), e);
    }
  }

  /**
   * A runner that reads the topic to its end, then calls {@code onCaughtUp} (once; {@link #isCaughtUp()} turns
   * true after it returned) and follows the topic until closed.
   * Broker trouble is retried as {@link ConsumerRunner} says; until the topic exists it waits for it. The caller
   * may set the builder's poll, retry, close timeout and daemon settings (not its setup, handler or step), then
   * builds and starts it.
   */
  public ConsumerRunner.Builder<K, V> follow(String threadName, Runnable onCaughtUp) {
    return ConsumerRunner.of(threadName, "topic " + topic, consumer)
        .setup(c -> {
          boolean assigned = assign(Duration.ofSeconds(5));
          if (!assigned && missingIsEmpty) {
            caughtUp(onCaughtUp);
          }
          return assigned;
        })
        .handler(this::handle)
        .afterPoll(c -> {
          if (caughtUp.getCount() > 0 && backlogRead()) {
            caughtUp(onCaughtUp);
          }
        });
  }

  private void caughtUp(Runnable onCaughtUp) {
    if (caughtUp.getCount() == 0) {
      return;
    }
    try {
      onCaughtUp.run();
    } finally {
      caughtUp.countDown();
    }
  }

  /** True once every partition was read to the end it had when reading began. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Waits until {@link #isCaughtUp()}; false when {@code timeout} passed first. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Assigns every partition from the beginning; false (and a log line, once) when the topic does not exist. */
  private boolean assign(Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      if (!waitingLogged) {
        LOG.info("Topic {} does not exist yet", topic);
        waitingLogged = true;
      }
      return false;
    }
    List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    backlog.add(partitions);
    return true;
  }

  /** True when every assigned partition was read to the end it had when it was assigned. */
  private boolean backlogRead() {
    backlog.caughtUp(consumer);
    return backlog.isEmpty();
  }

  private void pollOnce(Duration poll) {
    try {
      for (ConsumerRecord<K, V> rec : consumer.poll(poll)) {
        handle(rec);
      }
    } catch (RecordDeserializationException e) {
      ConsumerRunner.skip(consumer, e, "topic " + topic);
    }
  }

  private void handle(ConsumerRecord<K, V> rec) {
    records++;
    ConsumerRunner.handle(handler, rec, "topic " + topic);
  }
}
