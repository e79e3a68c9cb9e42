package io.newsdelta.history.materialise;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.history.EventBatch;
import io.newsdelta.history.HistoryWriter;
import io.newsdelta.kafka.ConsumerRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the version, change, feed and ingest-state topics in consumer group {@code newsdelta-history} and
 * writes each poll to the store in one transaction, then commits the offsets: a crash between the two re-reads
 * events the store already has, which the idempotent writer absorbs. When the database fails, nothing is
 * committed; the batch is read again after {@link #RETRY_WAIT}.
 */
public final class Materialiser implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Materialiser.class);
  static final Duration RETRY_WAIT = Duration.ofSeconds(5);

  private final HistoryWriter writer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final ConsumerRunner<String, byte[]> runner;
  private final Thread thread;
  private final java.util.List<String> topics;
  /** The records of the poll being handled: written as one batch after the poll, then committed. */
  private final List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicLong written = new AtomicLong();
  private volatile boolean started;
  private volatile boolean failed;
  private volatile boolean assigned;

  public Materialiser(String bootstrapServers, HistoryWriter writer) {
    this(bootstrapServers, writer, "");
  }

  /**
   * A materialiser of the versions and changes of the diff worker's topic generation {@code generation}
   * ({@code diff-worker.topic-generation}, "" for the original topics), with the feeds and ingest's state.
   * Its consumer is {@code newsdelta-history-materialiser-<n>}, run by a {@link ConsumerRunner}.
   */
  public Materialiser(String bootstrapServers, HistoryWriter writer, String generation) {
    this.topics = EventDecoder.topics(generation);
    this.writer = writer;
    this.consumer = EventDecoder.consumer(bootstrapServers, "materialiser");
    this.runner = ConsumerRunner.of("history-materialiser", "the history's topics " + topics, consumer)
        .setup(c -> {
          c.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              assigned = true;
              LOG.info("History materialiser reading {}", partitions);
            }
          });
          return true;
        })
        .handler(pending::add)
        .afterPoll(this::writeAndCommit)
        .build();
    this.thread = new Thread(runner, "history-materialiser");
    this.thread.setDaemon(true);
  }

  /** Starts following the topics on a thread of its own. */
  public void start() {
    started = true;
    thread.start();
  }

  /** Events written so far by this instance (for logs and tests). */
  public long written() {
    return written.get();
  }

  /** Whether its consumer group gave it partitions yet (readiness). */
  public boolean assigned() {
    return assigned;
  }

  /** The consumer, for its client metrics only (it is used on the materialiser's own thread). */
  public org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafkaConsumer() {
    return consumer;
  }

  /** Whether it stopped on an error it cannot recover from (readiness). */
  public boolean failed() {
    return failed;
  }

  /**
   * Writes the poll's records in one transaction, then commits their offsets. When the database fails, nothing is
   * committed: back to the committed offsets, and the batch is read again after {@link #RETRY_WAIT}. Any other
   * failure stops the materialiser ({@link #failed()}).
   */
  private void writeAndCommit(Consumer<String, byte[]> c) {
    if (pending.isEmpty()) {
      return;
    }
    EventBatch batch = EventDecoder.decode(List.copyOf(pending));
    pending.clear();
    try {
      writer.apply(batch);
    } catch (NewsdeltaException e) {
      LOG.error("{}; retrying in {} s (check history.database-url and the database)", e.getMessage(),
          RETRY_WAIT.toSeconds());
      rewind(c.assignment());
      try {
        stopping.await(RETRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        runner.stop();
      }
      return;
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("The history materialiser stopped; the pages will not show newer versions. Restart the notifier", e);
      runner.stop();
      return;
    }
    c.commitSync();
    written.addAndGet(batch.size());
  }

  /** Goes back to the last committed offsets so that an unwritten batch is read again. */
  private void rewind(Set<TopicPartition> assigned) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
    for (TopicPartition tp : assigned) {
      OffsetAndMetadata c = committed.get(tp);
      if (c == null) {
        consumer.seekToBeginning(Set.of(tp));
      } else {
        consumer.seek(tp, c.offset());
      }
    }
  }

  /**
   * Stops polling, waiting up to {@code timeout}. A batch being written is finished in the database; if the
   * offset commit after it is cut short, the next start reads those events again, which changes nothing.
   */
  public void close(Duration timeout) {
    stopping.countDown();
    if (!started) {
      runner.close();
      return;
    }
    runner.stop();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
