package io.newsdelta.bench.worker;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a load run's raw versions to {@code newsdelta.raw-versions} before the worker starts, every one
 * acknowledged or the run stops.
 *
 * <p>The topics are created a moment earlier. An idempotent producer with several requests in flight can lose
 * records on a partition that was just created (KAFKA-14359): its first request fails with
 * NOT_LEADER_OR_FOLLOWER while the broker still applies the creation, the next one lands, and the retried first
 * one then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until {@code delivery.timeout.ms} drops it. The run then
 * waited for offsets that never came: that was the "did not finish" of the quiet-machine worker runs. One
 * request in flight per connection cannot be overtaken, and a failed send now ends the run with its cause. The
 * producer is {@code newsdelta-bench-preload-<n>}.
 */
public final class Preload {
  private Preload() {}

  /**
   * Produces {@code raws} {@code repeat} times, each copy as distinct articles ({@code ?copy=n}).
   *
   * @return the bytes of JSON produced
   * @throws NewsdeltaException when any record was not acknowledged
   */
  public static long produce(String servers, List<RawVersion> raws, int repeat) {
    AtomicLong bytes = new AtomicLong();
    AtomicReference<Exception> failed = new AtomicReference<>();
    // KafkaClients' producer defaults: idempotent, acks=all, zstd.
    try (KafkaProducer<String, byte[]> producer = new KafkaClients(servers, "bench").producer("preload", Map.of(
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES,
        ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
      for (int r = 0; r < repeat && failed.get() == null; r++) {
        for (RawVersion raw : raws) {
          String id = raw.articleId() + (raw.articleId().contains("?") ? "&" : "?") + "copy=" + r;
          byte[] value = Json.writeBytes(new RawVersion(id, raw.url(), raw.feedUrl(), raw.fetchedAt(),
              raw.httpStatus(), raw.contentType(), raw.bodySha256(), raw.body(), raw.lifecycle(), raw.text()));
          bytes.addAndGet(value.length);
          producer.send(new ProducerRecord<>(Topics.RAW_VERSIONS, id, value), (meta, e) -> {
            if (e != null) {
              failed.compareAndSet(null, e);
            }
          });
        }
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new NewsdeltaException("load run: a raw version was not written to " + Topics.RAW_VERSIONS + ": "
          + failed.get().getMessage(), failed.get());
    }
    return bytes.get();
  }
}
