package io.newsdelta.app.demo;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For the demo: writes each change to the log as a reader would want it, the replaced sentences word by word. */
public final class ChangeLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;

  private ChangeLog(String bootstrapServers) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "newsdelta-demo-log",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            new StringDeserializer());
    thread = new Thread(this::loop, "demo-change-log");
  }

  public static ChangeLog start(String bootstrapServers) {
    ChangeLog log = new ChangeLog(bootstrapServers);
    log.consumer.subscribe(java.util.List.of(Topics.ARTICLE_CHANGES));
    log.thread.start();
    return log;
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          LOG.info("{}", describe(Json.read(record.value(), ArticleChange.class)));
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  static String describe(ArticleChange change) {
    StringBuilder text = new StringBuilder("\n  ").append(change.summary());
    if (change.headlineChanged()) {
      text.append("\n  headline: - ").append(change.previousTitle()).append("\n            + ").append(change.title());
    }
    for (Hunk hunk : change.hunks()) {
      text.append("\n  ").append(hunk.op()).append(':');
      if (!hunk.oldText().isEmpty()) {
        text.append("\n    - ").append(hunk.oldText());
      }
      if (!hunk.newText().isEmpty()) {
        text.append("\n    + ").append(hunk.newText());
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
