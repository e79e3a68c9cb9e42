package io.newsdelta.notifier.delivery;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes dead letters to {@link Topics#NOTIFICATIONS_DLQ}, keyed by article id, and waits for the broker's ack. */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {
  /** The CloudEvents source of everything the notifier produces. */
  public static final String SOURCE = "/newsdelta/notifier";

  private final KafkaProducer<String, byte[]> producer;

  /**
   * A producer for the cluster at {@code bootstrapServers} ({@link KafkaClients}' idempotent defaults, client id
   * {@code newsdelta-notifier-dlq-<n>}), giving up on a letter after 30 s.
   */
  public KafkaDeadLetters(String bootstrapServers) {
    this.producer = new KafkaClients(bootstrapServers, "notifier").producer("dlq", Map.of(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES), new StringSerializer(),
        new ByteArraySerializer());
  }

  @Override
  public void publish(DeadLetter letter) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.NOTIFICATIONS_DLQ, letter.change().articleId(), Json.writeBytes(letter));
    CloudEvents.addHeaders(
        record.headers(), letter.change().changeId() + " " + letter.channel(), CloudEvents.TYPE_DEAD_LETTER, SOURCE);
    try {
      producer.send(record).get(35, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new NewsdeltaException(
          "cannot write the undeliverable change " + letter.change().changeId() + " to " + Topics.NOTIFICATIONS_DLQ
              + ": " + cause + "; check that the topic exists and the broker is reachable",
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while writing to " + Topics.NOTIFICATIONS_DLQ, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
