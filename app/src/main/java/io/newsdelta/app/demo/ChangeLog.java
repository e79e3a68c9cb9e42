package io.newsdelta.app.demo;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For the demo: writes each change to the log as a reader would want it, the replaced sentences word by word. */
public final class ChangeLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

  private final ConsumerRunner<String, String> runner;

  private ChangeLog(String bootstrapServers) {
    KafkaConsumer<String, String> consumer = new KafkaClients(bootstrapServers, "demo").consumer("log",
        Map.of(ConsumerConfig.GROUP_ID_CONFIG, "newsdelta-demo-log"), new StringDeserializer(),
        new StringDeserializer());
    runner = ConsumerRunner.of("demo-change-log", "the changes in " + Topics.ARTICLE_CHANGES, consumer)
        .setup(ConsumerRunner.Setup.subscribe(List.of(Topics.ARTICLE_CHANGES)))
        // A record that is not a change throws NewsdeltaException: the runner skips it with a warning.
        .handler(record -> LOG.info("{}", describe(Json.read(record.value(), ArticleChange.class))))
        .poll(Duration.ofSeconds(1))
        .commit(ConsumerRunner.Commit.SYNC)
        .build();
  }

  public static ChangeLog start(String bootstrapServers) {
    ChangeLog log = new ChangeLog(bootstrapServers);
    log.runner.start();
    return log;
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
    runner.close();
  }
}
