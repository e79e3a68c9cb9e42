package io.newsdelta.ingest.publish;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.error.ErrorKind;
import io.newsdelta.ingest.error.ErrorReporter;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything ingest writes to Kafka, through one idempotent producer (acks=all, zstd, requests up to
 * 17 MiB so a 16 MiB page fits). Every record carries the CloudEvents headers. Raw versions are sent
 * synchronously so the caller writes the article's state only once its version is safe; state, errors
 * and feed registrations are sent asynchronously.
 */
public final class IngestPublisher implements ErrorReporter, AutoCloseable {
  /** CloudEvents {@code ce_source} of everything ingest produces. */
  public static final String SOURCE = "/newsdelta/ingest";

  private static final Logger LOG = LoggerFactory.getLogger(IngestPublisher.class);

  private final Producer<String, byte[]> producer;

  /**
   * The producer settings beside {@link KafkaClients}' defaults (idempotent, acks=all, zstd): requests large enough
   * for a 16 MiB page, a 64 MiB buffer, a short linger, and zstd at level 1. The producer compresses each page on
   * the thread that sends it; level 1 takes 23 % less time than zstd's default 3 for 6 % more bytes on the topic
   * ({@code RawVersionCompressionBenchmark}, docs/benchmarks.md). The broker keeps the batches as they come, since
   * the topics are zstd too. The feed registry's writer uses these settings as well.
   */
  public static final Map<String, Object> PRODUCER_SETTINGS = Map.of(
      ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES + 1024 * 1024,
      ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
      ProducerConfig.LINGER_MS_CONFIG, 5,
      ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 1);

  /** A publisher with its own producer on {@code bootstrapServers}, client id {@code newsdelta-ingest-publish-<n>}. */
  public IngestPublisher(String bootstrapServers) {
    this.producer = new KafkaClients(bootstrapServers, "ingest").producer("publish", PRODUCER_SETTINGS,
        new StringSerializer(), new ByteArraySerializer());
  }

  /** The producer, for its client metrics (the publisher alone sends with it). */
  public Producer<String, byte[]> producer() {
    return producer;
  }

  /**
   * Publishes a raw version and waits until Kafka has it.
   *
   * @throws NewsdeltaException when Kafka did not take it (the caller retries later)
   */
  public void publishVersion(RawVersion version) {
    Future<RecordMetadata> sent =
        send(Topics.RAW_VERSIONS, version.articleId(), Json.writeBytes(version), CloudEvents.TYPE_RAW_VERSION);
    try {
      sent.get();
    } catch (ExecutionException e) {
      throw new NewsdeltaException("could not publish the raw version of " + version.articleId() + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while publishing the raw version of " + version.articleId(), e);
    }
  }

  /**
   * Publishes a raw version already encoded ({@code Json.writeBytes(version)}) without waiting: the future
   * completes when Kafka has it, or exceptionally with a {@link NewsdeltaException} when it did not take it.
   */
  public CompletableFuture<Void> publishVersionAsync(String articleId, byte[] encoded) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      producer.send(record(Topics.RAW_VERSIONS, articleId, encoded, CloudEvents.TYPE_RAW_VERSION), (m, e) -> {
        if (e == null) {
          done.complete(null);
        } else {
          done.completeExceptionally(new NewsdeltaException("could not publish the raw version of " + articleId
              + ": " + e.getMessage(), e));
        }
      });
    } catch (KafkaException e) {
      done.completeExceptionally(new NewsdeltaException("could not publish the raw version of " + articleId + ": "
          + e.getMessage(), e));
    }
    return done;
  }

  /**
   * Saves an article's state on the compacted state topic and runs {@code whenDone} (on the producer's
   * thread; keep it short) once Kafka acknowledged or refused it.
   */
  public void saveState(ArticleState state, Runnable whenDone) {
    sendLogged(Topics.INGEST_STATE, state.articleId(), Json.writeBytes(state), CloudEvents.TYPE_INGEST_STATE,
        whenDone);
  }

  /**
   * Writes a feed's status on the compacted {@code newsdelta.feeds.status} (any record; null removes it), read by
   * {@code feeds list}.
   */
  public void saveFeedStatus(String feedUrl, Object status) {
    sendLogged(Topics.FEEDS_STATUS, feedUrl, status == null ? null : Json.writeBytes(status),
        CloudEvents.TYPE_FEED_STATUS, () -> {});
  }

  /** Registers a feed on the compacted feed registry. */
  public void registerFeed(FeedRegistration feed) {
    sendLogged(Topics.FEEDS, feed.url(), Json.writeBytes(feed), CloudEvents.TYPE_FEED_REGISTRATION, () -> {});
  }

  /**
   * Registers feeds on the compacted feed registry and waits until Kafka has them all. Registering a feed
   * that is registered already changes nothing, so every instance registers its configured feeds.
   *
   * @throws NewsdeltaException when Kafka did not take them within {@code timeout} (the caller retries)
   */
  public void registerFeeds(List<FeedRegistration> feeds, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try {
      for (FeedRegistration feed : feeds) {
        sent.add(send(Topics.FEEDS, feed.url(), Json.writeBytes(feed), CloudEvents.TYPE_FEED_REGISTRATION));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw new NewsdeltaException("could not register the feeds on " + Topics.FEEDS + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new NewsdeltaException("Kafka did not take the feed registrations on " + Topics.FEEDS + " within "
          + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while registering the feeds", e);
    } catch (KafkaException e) {
      throw new NewsdeltaException("could not register the feeds on " + Topics.FEEDS + ": " + e.getMessage(), e);
    }
  }

  /** Logs the error once at WARN (internal errors were logged with their trace already) and publishes it. */
  @Override
  public void report(IngestError error) {
    if (!ErrorKind.INTERNAL.kind().equals(error.kind())) {
      LOG.warn(error.message());
    }
    // An instance's own alerts (ingest-lagging) name no feed or page: keyed by their kind, never null.
    String key = error.url() != null ? error.url() : error.feedUrl() != null ? error.feedUrl() : error.kind();
    try {
      sendLogged(Topics.INGEST_ERRORS, key, Json.writeBytes(error), CloudEvents.TYPE_INGEST_ERROR, () -> {});
    } catch (RuntimeException e) {
      LOG.error("Could not publish error event {}: {}", error.kind(), e.toString());
    }
  }

  /**
   * Sends what is buffered and closes the producer, waiting at most {@code timeout} (no unbounded flush:
   * with the broker gone, shutdown must still end).
   */
  public void close(Duration timeout) {
    producer.close(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void sendLogged(String topic, String key, byte[] value, String type, Runnable whenDone) {
    try {
      sendLoggedOrThrow(topic, key, value, type, whenDone);
    } catch (KafkaException e) {
      LOG.error("Could not write {} record for {}: {}", topic, key, e.toString());
      whenDone.run();
    }
  }

  private void sendLoggedOrThrow(String topic, String key, byte[] value, String type, Runnable whenDone) {
    producer.send(
        record(topic, key, value, type),
        (metadata, e) -> {
          if (e != null) {
            LOG.error("Could not write {} record for {}: {}", topic, key, e.toString());
          }
          whenDone.run();
        });
  }

  private Future<RecordMetadata> send(String topic, String key, byte[] value, String type) {
    return producer.send(record(topic, key, value, type));
  }

  private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, String type) {
    ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, key, value);
    CloudEvents.addHeaders(rec.headers(), UUID.randomUUID().toString(), type, SOURCE);
    return rec;
  }
}
