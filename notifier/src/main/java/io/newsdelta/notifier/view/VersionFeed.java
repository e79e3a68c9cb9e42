package io.newsdelta.notifier.view;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Fills an {@link ArticleStore} from {@link Topics#ARTICLE_VERSIONS} and {@link Topics#ARTICLE_CHANGES}:
 * reads every partition from the beginning (no consumer group: every notifier instance holds the whole
 * view), then follows new events. Partitions that appear later are picked up within {@link
 * #PARTITION_REFRESH}.
 */
public final class VersionFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionFeed.class);
  private static final List<String> TOPICS = List.of(Topics.ARTICLE_VERSIONS, Topics.ARTICLE_CHANGES);
  static final Duration PARTITION_REFRESH = Duration.ofSeconds(10);

  private final ArticleStore store;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean started;

  /** A feed from the cluster at {@code bootstrapServers} into {@code store}; {@link #start()} begins reading. */
  public VersionFeed(String bootstrapServers, ArticleStore store) {
    this.store = store;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdelta-notifier-view");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "notifier-view-feed");
    this.thread.setDaemon(true);
  }

  /** Starts reading on a thread of its own. */
  public void start() {
    started = true;
    thread.start();
  }

  private void run() {
    Set<TopicPartition> assigned = new HashSet<>();
    long nextRefresh = 0;
    try {
      while (running) {
        if (System.nanoTime() - nextRefresh >= 0) {
          refreshAssignment(assigned);
          nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
        }
        if (assigned.isEmpty()) {
          // Topics not created yet: look again shortly instead of spinning.
          consumer.poll(Duration.ofMillis(200));
          nextRefresh = Math.min(nextRefresh, System.nanoTime() + Duration.ofMillis(500).toNanos());
          continue;
        }
        for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
          apply(rec);
        }
      }
    } catch (WakeupException | InterruptException e) {
      if (running) {
        LOG.error("The article view stopped following the topics unexpectedly; restart the notifier", e);
      }
    } catch (RuntimeException e) {
      LOG.error("The article view stopped following the topics; the pages will not show newer versions", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void refreshAssignment(Set<TopicPartition> assigned) {
    List<TopicPartition> found = new ArrayList<>();
    Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(10));
    for (String topic : TOPICS) {
      for (PartitionInfo p : all.getOrDefault(topic, List.of())) {
        found.add(new TopicPartition(p.topic(), p.partition()));
      }
    }
    List<TopicPartition> added = found.stream().filter(tp -> !assigned.contains(tp)).toList();
    if (!added.isEmpty()) {
      assigned.addAll(added);
      consumer.assign(assigned);
      consumer.seekToBeginning(added);
      LOG.info("Article view reading {} from the beginning", added);
    }
  }

  private void apply(ConsumerRecord<String, byte[]> rec) {
    if (rec.value() == null) {
      return;
    }
    MDC.put("articleId", rec.key());
    try {
      if (rec.topic().equals(Topics.ARTICLE_VERSIONS)) {
        store.apply(Json.read(rec.value(), ArticleVersion.class));
      } else {
        store.apply(Json.read(rec.value(), ArticleChange.class));
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping unreadable event at {}-{} offset {}: {}",
          rec.topic(), rec.partition(), rec.offset(), e.getMessage());
    } finally {
      MDC.remove("articleId");
    }
  }

  /** Stops reading and closes the consumer, waiting up to {@code timeout}. */
  public void close(Duration timeout) {
    running = false;
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
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
