package io.newsdelta.notifier.sse;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code GET /events}: a live stream of changes as Server-Sent Events ({@code event: change}, {@code data:} the
 * change's JSON). Each event's id is the stream position just after it ({@code partition:offset} for every
 * partition), so a client reconnecting with {@code Last-Event-ID} resumes right after the last change it saw;
 * without it the stream starts with the next change written. Each client reads the topic with a consumer of its
 * own ({@code newsdelta-notifier-sse-<n>}, run by a {@link ConsumerRunner}), outside any consumer group, on a thread
 * of its own; at most {@link #MAX_CLIENTS} at once.
 */
public final class ChangeStream {
  /** Concurrent clients allowed; more get 503. */
  public static final int MAX_CLIENTS = 32;

  private final KafkaClients kafka;
  private final String changesTopic;
  private final AtomicInteger clients = new AtomicInteger();

  /** A stream of the changes on the cluster at {@code bootstrapServers}. */
  public ChangeStream(String bootstrapServers) {
    this(bootstrapServers, Topics.ARTICLE_CHANGES);
  }

  /** A stream of the changes on {@code changesTopic} (the diff worker's generation of the changes topic). */
  public ChangeStream(String bootstrapServers, String changesTopic) {
    this.kafka = new KafkaClients(bootstrapServers, "notifier");
    this.changesTopic = changesTopic;
  }

  /** Adds {@code /events} to {@code app}. */
  public void register(Javalin app) {
    app.sse("/events", this::serve);
  }

  private void serve(SseClient client) {
    if (clients.incrementAndGet() > MAX_CLIENTS) {
      clients.decrementAndGet();
      client.ctx().status(503);
      client.close();
      return;
    }
    client.keepAlive();
    Map<Integer, Long> resume = parse(client.ctx().header("Last-Event-ID"));
    Follower follower = new Follower(client, resume);
    ConsumerRunner<byte[], byte[]> runner = ConsumerRunner.of("notifier-sse", "topic " + changesTopic + " for /events",
            kafka.consumer("sse", Map.of(), new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        .setup(follower::assign)
        .handler(follower::send)
        .afterPoll(c -> {
          if (client.terminated()) {
            follower.runner.stop();
          }
        })
        .build();
    follower.runner = runner;
    client.onClose(runner::stop);
    Thread thread = new Thread(() -> {
      try {
        runner.run();
      } finally {
        clients.decrementAndGet();
        client.close();
      }
    }, "notifier-sse");
    thread.setDaemon(true);
    thread.start();
  }

  /** One client's stream: where it starts, and the position after each event sent (its id). */
  private final class Follower {
    private final SseClient client;
    private final Map<Integer, Long> resume;
    private final Map<Integer, Long> position = new TreeMap<>();
    private ConsumerRunner<byte[], byte[]> runner;

    Follower(SseClient client, Map<Integer, Long> resume) {
      this.client = client;
      this.resume = resume;
    }

    /**
     * Every partition, each from the client's {@code Last-Event-ID} position (0 for a partition it does not name),
     * or from the end when it sent none; false (tried again) while the topic does not exist.
     */
    boolean assign(Consumer<byte[], byte[]> consumer) {
      List<TopicPartition> partitions = consumer.partitionsFor(changesTopic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        return false;
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      for (TopicPartition tp : partitions) {
        long at = resume.getOrDefault(tp.partition(), resume.isEmpty() ? ends.get(tp) : 0L);
        consumer.seek(tp, at);
        position.put(tp.partition(), at);
      }
      return true;
    }

    void send(ConsumerRecord<byte[], byte[]> rec) {
      if (client.terminated()) {
        runner.stop();
        return;
      }
      position.put(rec.partition(), rec.offset() + 1);
      if (rec.value() != null) {
        client.sendEvent("change", new String(rec.value(), StandardCharsets.UTF_8), id(position));
      }
    }
  }

  /** {@code 0:15,1:3}: the offset to read next in each partition. */
  static String id(Map<Integer, Long> position) {
    StringJoiner id = new StringJoiner(",");
    position.forEach((p, o) -> id.add(p + ":" + o));
    return id.toString();
  }

  /** The positions of a Last-Event-ID; empty when absent or not ours (the stream then starts live). */
  static Map<Integer, Long> parse(String lastEventId) {
    Map<Integer, Long> result = new HashMap<>();
    if (lastEventId == null || lastEventId.isBlank()) {
      return result;
    }
    List<String> parts = new ArrayList<>(List.of(lastEventId.trim().split(",")));
    try {
      for (String part : parts) {
        String[] po = part.split(":");
        result.put(Integer.parseInt(po[0].trim()), Math.max(0, Long.parseLong(po[1].trim())));
      }
    } catch (RuntimeException e) {
      return new HashMap<>();
    }
    return result;
  }
}
