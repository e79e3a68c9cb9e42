package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer's life: subscribe or assign ({@link Setup}), poll, hand each record to a {@link RecordHandler},
 * run an optional step after each poll, commit as the caller says ({@link Commit}), and on {@link #close()} wake
 * the poll up, leave the group and close the consumer within a timeout.
 *
 * <p>Failures follow the project's rules: broker trouble is logged once while it lasts (and once when it ends)
 * and retried; a record that cannot be deserialised is reported with its position and skipped; a record its
 * handler rejects with a {@link NewsdeltaException} is skipped with one warning, any other exception from the
 * handler is logged with its trace (a bug) and the record is skipped too.
 *
 * <pre>{@code
 * ConsumerRunner<String, byte[]> runner = ConsumerRunner.of("demo-change-log", "the changes", consumer)
 *     .setup(ConsumerRunner.Setup.subscribe(List.of(Topics.ARTICLE_CHANGES)))
 *     .handler(rec -> log(rec.value()))
 *     .commit(ConsumerRunner.Commit.SYNC)
 *     .build();
 * runner.start();   // or run() on a thread of the caller's
 * runner.close();   // returns within the close timeout
 * }</pre>
 */
public final class ConsumerRunner<K, V> implements Runnable, AutoCloseable {

  /**
   * Subscribes or assigns; runs on the runner's thread before the first poll, again after a broker failure or a
   * false answer (the topic does not exist yet, say: the setup says so in the log) until it returns true.
   */
  @FunctionalInterface
  public interface Setup<K, V> {
    boolean start(Consumer<K, V> consumer);

    /** Subscribes to {@code topics} with the group of the consumer's settings. */
    static <K, V> Setup<K, V> subscribe(java.util.Collection<String> topics) {
      return consumer -> {
        consumer.subscribe(topics);
        return true;
      };
    }
  }

  /** A step after each poll's records are handled (checking a {@link Backlog}, say), on the runner's thread. */
  @FunctionalInterface
  public interface Step<K, V> {
    void run(Consumer<K, V> consumer);
  }

  /** What to commit after a poll's records were handled. */
  @FunctionalInterface
  public interface Commit {
    /** No commits: the reader starts from the beginning, or tracks its progress elsewhere. */
    Commit NONE = (consumer, handled) -> {};
    /** The positions, synchronously, after every poll that returned records: at least once. */
    Commit SYNC = (consumer, handled) -> {
      if (!handled.isEmpty()) {
        consumer.commitSync();
      }
    };

    void commit(Consumer<?, ?> consumer, ConsumerRecords<?, ?> handled);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerRunner.class);

  private final String name;
  private final String what;
  private final Consumer<K, V> consumer;
  private final Setup<K, V> setup;
  private final RecordHandler<K, V> handler;
  private final Step<K, V> afterPoll;
  private final Commit commit;
  private final Duration poll;
  private final Duration retry;
  private final Duration closeTimeout;
  private final boolean daemon;
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** Set by the first of {@link #run()} and an early {@link #close()}: whichever it is closes the consumer. */
  private final AtomicBoolean owned = new AtomicBoolean();
  private volatile boolean stopping;
  private boolean setUp;
  private String failing;
  private Thread thread;

  private ConsumerRunner(Builder<K, V> b) {
    this.name = b.name;
    this.what = b.what;
    this.consumer = b.consumer;
    this.setup = Objects.requireNonNull(b.setup, "setup");
    this.handler = Objects.requireNonNull(b.handler, "handler");
    this.afterPoll = b.afterPoll;
    this.commit = b.commit;
    this.poll = b.poll;
    this.retry = b.retry;
    this.closeTimeout = b.closeTimeout;
    this.daemon = b.daemon;
  }

  /**
   * A runner to build.
   *
   * @param name the thread's name
   * @param what what is read, for log lines ("the feed registry newsdelta.feeds")
   * @param consumer the consumer, which the runner closes
   */
  public static <K, V> Builder<K, V> of(String name, String what, Consumer<K, V> consumer) {
    return new Builder<>(name, what, consumer);
  }

  /** Runs on a thread of its own, named as given; returns at once. */
  public synchronized ConsumerRunner<K, V> start() {
    if (thread != null) {
      throw new IllegalStateException(name + " is already started");
    }
    thread = new Thread(this, name);
    thread.setDaemon(daemon);
    thread.start();
    return this;
  }

  /** Polls on the calling thread until {@link #stop()}, then closes the consumer. */
  @Override
  public void run() {
    if (!owned.compareAndSet(false, true)) {
      return;
    }
    try {
      while (!stopping) {
        pollOnce();
      }
    } catch (WakeupException | InterruptException e) {
      if (!stopping) {
        LOG.error("Stopped reading {} unexpectedly: {}", what, e.toString());
      }
    } catch (RuntimeException e) {
      LOG.error("Stopped reading {} after an unexpected failure; restart the service to read it again", what, e);
    } finally {
      try {
        consumer.close(CloseOptions.timeout(closeTimeout));
      } catch (KafkaException e) {
        LOG.warn("Could not close the consumer of {} cleanly: {}", what, e.toString());
      }
    }
  }

  /** Closes the consumer of a runner that never ran. */
  private void closeUnused() {
    if (owned.compareAndSet(false, true)) {
      try {
        consumer.close(CloseOptions.timeout(Duration.ZERO));
      } catch (KafkaException e) {
        LOG.warn("Could not close the consumer of {} cleanly: {}", what, e.toString());
      }
    }
  }

  /** True once {@link #stop()} or {@link #close()} was called. */
  public boolean isStopping() {
    return stopping;
  }

  /** Makes the poll loop end and the consumer close; returns at once; callable from any thread. */
  public void stop() {
    stopping = true;
    stopped.countDown();
    consumer.wakeup();
  }

  /**
   * Stops, and waits for the runner's own thread (if {@link #start()}ed) to close the consumer; a runner that never
   * ran closes its consumer here.
   */
  @Override
  public void close() {
    stop();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      closeUnused();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(closeTimeout.plusSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pollOnce() {
    try {
      if (!setUp) {
        setUp = setup.start(consumer);
        if (!setUp) {
          pause();
          return;
        }
      }
      ConsumerRecords<K, V> records = consumer.poll(poll);
      for (ConsumerRecord<K, V> rec : records) {
        handle(handler, rec, what);
      }
      if (afterPoll != null) {
        afterPoll.run(consumer);
      }
      commit.commit(consumer, records);
      if (failing != null) {
        LOG.info("Reading {} works again", what);
        failing = null;
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RecordDeserializationException e) {
      skip(consumer, e, what);
    } catch (KafkaException e) {
      String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (!problem.equals(failing)) {
        LOG.error("Cannot read {} ({}); retrying every {} s: check that the Kafka cluster is reachable", what,
            problem, retry.toSeconds());
        failing = problem;
      }
      pause();
    }
  }

  /** Reports a record that cannot be deserialised and moves past it. */
  static void skip(Consumer<?, ?> consumer, RecordDeserializationException e, String what) {
    LOG.warn("Skipping the record at {}@{} of {}: it cannot be read ({})", e.topicPartition(), e.offset(), what,
        e.getMessage());
    consumer.seek(e.topicPartition(), e.offset() + 1);
  }

  /** Hands one record to its handler; what the handler throws is logged as the class comment says. */
  static <K, V> void handle(RecordHandler<K, V> handler, ConsumerRecord<K, V> rec, String what) {
    try {
      handler.handle(rec);
    } catch (NewsdeltaException e) {
      LOG.warn("Skipping record {} at {}-{}@{} of {}: {}", rec.key(), rec.topic(), rec.partition(), rec.offset(),
          what, e.getMessage());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while handling record {} at {}-{}@{} of {}", rec.key(), rec.topic(),
          rec.partition(), rec.offset(), what, e);
    }
  }

  /** Waits before a retry, unless stopping; a stop ends the wait at once. */
  private void pause() {
    try {
      stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  /** How a {@link ConsumerRunner} runs; {@link #setup} and {@link #handler} are required. */
  public static final class Builder<K, V> {
    private final String name;
    private final String what;
    private final Consumer<K, V> consumer;
    private Setup<K, V> setup;
    private RecordHandler<K, V> handler;
    private Step<K, V> afterPoll;
    private Commit commit = Commit.NONE;
    private Duration poll = Duration.ofMillis(500);
    private Duration retry = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private boolean daemon;

    private Builder(String name, String what, Consumer<K, V> consumer) {
      this.name = Objects.requireNonNull(name);
      this.what = Objects.requireNonNull(what);
      this.consumer = Objects.requireNonNull(consumer);
    }

    public Builder<K, V> setup(Setup<K, V> setup) {
      this.setup = setup;
      return this;
    }

    public Builder<K, V> handler(RecordHandler<K, V> handler) {
      this.handler = handler;
      return this;
    }

    public Builder<K, V> afterPoll(Step<K, V> afterPoll) {
      this.afterPoll = afterPoll;
      return this;
    }

    /** What to commit after each poll; {@link Commit#NONE} by default. */
    public Builder<K, V> commit(Commit commit) {
      this.commit = Objects.requireNonNull(commit);
      return this;
    }

    /** The longest one poll waits for records; 500 ms by default. */
    public Builder<K, V> poll(Duration poll) {
      this.poll = poll;
      return this;
    }

    /** The wait before retrying after broker trouble; 5 s by default. */
    public Builder<K, V> retry(Duration retry) {
      this.retry = retry;
      return this;
    }

    /** How long closing the consumer (leaving the group) may take; 5 s by default. */
    public Builder<K, V> closeTimeout(Duration closeTimeout) {
      this.closeTimeout = closeTimeout;
      return this;
    }

    /** Whether {@link ConsumerRunner#start()}'s thread keeps the JVM alive; false (it does) by default. */
    public Builder<K, V> daemon(boolean daemon) {
      this.daemon = daemon;
      return this;
    }

    public ConsumerRunner<K, V> build() {
      return new ConsumerRunner<>(this);
    }
  }
}
