package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsdelta.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerRunnerIT {
  private static TestBroker broker;
  private static KafkaClients clients;

  @BeforeAll
  static void start() {
    broker = TestBroker.start();
    clients = new KafkaClients(broker.bootstrapServers(), "runner-it");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void shouldReturnPromptlyWhenClosedDuringALongPoll() throws Exception {
    String topic = topic();
    CountDownLatch polling = new CountDownLatch(1);
    KafkaConsumer<String, String> consumer = consumer(group());
    ConsumerRunner<String, String> runner = ConsumerRunner.of("runner-it-idle", "an empty topic", consumer)
        .setup(c -> {
          c.subscribe(List.of(topic));
          polling.countDown();
          return true;
        })
        .handler(r -> {})
        .poll(Duration.ofMinutes(5))
        .build()
        .start();
    assertThat(polling.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // Let the first poll begin its five-minute wait before closing.
    await().atMost(Duration.ofSeconds(30)).until(() -> threadState("runner-it-idle").equals("polling"));

    assertTimeoutPreemptively(Duration.ofSeconds(15), runner::close);
    assertThat(threadState("runner-it-idle")).isEqualTo("gone");
  }

  @Test
  void shouldCommitWhatItHandledAndSkipARecordThatCannotBeDeserialised() throws Exception {
    String topic = topic();
    String group = group();
    send(topic, List.of("one", "poison", "three"));
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicInteger commits = new AtomicInteger();
    ConsumerRunner.Commit counting = (c, records) -> {
      if (!records.isEmpty()) {
        commits.incrementAndGet();
      }
      ConsumerRunner.Commit.SYNC.commit(c, records);
    };
    KafkaConsumer<String, String> consumer = clients.consumer("read", Map.of("group.id", group),
        new StringDeserializer(), new Picky());

    try (ConsumerRunner<String, String> runner = ConsumerRunner.of("runner-it-commit", "topic " + topic, consumer)
        .setup(ConsumerRunner.Setup.subscribe(List.of(topic)))
        .handler(r -> handled.add(r.value()))
        .commit(counting)
        .build()
        .start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> committed(group, topic) == 3);
    }

    assertThat(handled).containsExactly("one", "three");
    assertThat(commits.get()).isPositive();
    assertThat(committed(group, topic)).isEqualTo(3);
  }

  @Test
  void shouldGoOnAfterAHandlerFailsAndRunOnTheCallersThread() throws Exception {
    String topic = topic();
    send(topic, List.of("a", "boom", "c"));
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicInteger afterPolls = new AtomicInteger();
    ConsumerRunner<String, String> runner = ConsumerRunner.of("unused", "topic " + topic, consumer(group()))
        .setup(ConsumerRunner.Setup.subscribe(List.of(topic)))
        .handler(r -> {
          if (r.value().equals("boom")) {
            throw new IllegalStateException("a bug in the handler");
          }
          handled.add(r.value());
        })
        .afterPoll(c -> afterPolls.incrementAndGet())
        .build();
    Thread caller = new Thread(runner, "runner-it-caller");
    caller.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 2);
    runner.stop();
    caller.join(Duration.ofSeconds(15).toMillis());

    assertThat(caller.isAlive()).isFalse();
    assertThat(runner.isStopping()).isTrue();
    assertThat(handled).containsExactly("a", "c");
    assertThat(afterPolls.get()).isPositive();
  }

  /** Refuses the value "poison", as a JSON serde refuses a record that is not JSON. */
  static final class Picky implements Deserializer<String> {
    @Override
    public String deserialize(String topic, byte[] data) {
      String s = new String(data, StandardCharsets.UTF_8);
      if (s.equals("poison")) {
        throw new SerializationException("not a value");
      }
      return s;
    }
  }

  @Test
  void shouldCloseTheConsumerOfARunnerClosedBeforeItRan() {
    KafkaConsumer<String, String> consumer = consumer(group());
    ConsumerRunner<String, String> runner = ConsumerRunner.of("runner-it-unused", "nothing", consumer)
        .setup(ConsumerRunner.Setup.subscribe(List.of(topic())))
        .handler(r -> {})
        .build();

    runner.close();

    assertThatThrownBy(() -> consumer.listTopics(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    // Run after close: returns at once, the consumer is not used again.
    assertTimeoutPreemptively(Duration.ofSeconds(5), runner::run);
  }

  private static String threadState(String name) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals(name))
        .findFirst()
        .map(e -> java.util.Arrays.stream(e.getValue())
            .anyMatch(f -> f.getMethodName().equals("poll") && f.getClassName().contains("Consumer"))
            ? "polling" : "busy")
        .orElse("gone");
  }

  private static long committed(String group, String topic) throws Exception {
    try (Admin admin = clients.admin("it", Map.of())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
      return o == null ? -1 : o.offset();
    }
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    return clients.consumer("read", Map.of("group.id", group), new StringDeserializer(), new StringDeserializer());
  }

  private static String group() {
    return "runner-it-" + UUID.randomUUID();
  }

  private static String topic() {
    String name = "runner-" + UUID.randomUUID();
    try (Admin admin = clients.admin("it", Map.of())) {
      admin.createTopics(List.of(new NewTopic(name, Optional.of(1), Optional.empty()))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  private static void send(String topic, List<String> values) {
    try (KafkaProducer<String, String> producer =
        clients.producer("it", Map.of(), new StringSerializer(), new StringSerializer())) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, v, v));
      }
      producer.flush();
    }
  }
}
