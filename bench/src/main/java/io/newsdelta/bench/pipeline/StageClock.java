package io.newsdelta.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Notes when each raw version and each change became readable, so that the pipeline's own latency (fetch to
 * webhook) can be split into its three stages: ingest (fetch to raw version), the diff worker (raw version to
 * committed change: read with {@code read_committed}, so a transaction's commit is included) and the notifier
 * (committed change to webhook arrival).
 *
 * <p>A record is keyed by its page URL and the fetch time it carries ({@code fetchedAt} of a raw version,
 * {@code toObservedAt} of a change), which is how an alert finds its two records.
 */
final class StageClock implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Long> rawSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> changeSeen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** Times what is written to {@code partitions} from now on; {@code consumer} reads committed records only. */
  StageClock(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    this.consumer = consumer;
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve now: only what is written from here on is timed
    thread = new Thread(this::loop, "bench-stage-clock");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          long now = System.currentTimeMillis();
          note(r, now);
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void note(ConsumerRecord<byte[], byte[]> r, long now) {
    if (r.value() == null) {
      return;
    }
    try {
      JsonNode node = Json.mapper().readTree(r.value());
      if (r.topic().equals(Topics.RAW_VERSIONS)) {
        rawSeen.putIfAbsent(key(node.path("url").asText(), node.path("fetchedAt")), now);
      } else if (r.topic().equals(Topics.ARTICLE_CHANGES)) {
        changeSeen.putIfAbsent(key(node.path("url").asText(), node.path("toObservedAt")), now);
      }
    } catch (java.io.IOException e) {
      // not ours to judge: the scoring counts unreadable alerts; a record without its fields is just not timed
    }
  }

  private static String key(String url, JsonNode instant) {
    return url + "|" + millis(instant);
  }

  private static long millis(JsonNode instant) {
    if (instant.isNumber()) {
      // Jackson's numeric form is seconds with a fraction
      return Math.round(instant.asDouble() * 1000);
    }
    return instant.isMissingNode() || instant.isNull() ? -1 : Instant.parse(instant.asText()).toEpochMilli();
  }

  /** When the raw version of {@code url} fetched at {@code fetchedAtMillis} became readable, or -1. */
  long rawSeen(String url, long fetchedAtMillis) {
    return rawSeen.getOrDefault(url + "|" + fetchedAtMillis, -1L);
  }

  /** When the change of {@code url} whose new version was fetched at {@code toObservedAtMillis} was committed, or -1. */
  long changeSeen(String url, long toObservedAtMillis) {
    return changeSeen.getOrDefault(url + "|" + toObservedAtMillis, -1L);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
