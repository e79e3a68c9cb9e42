package io.newsdelta.stories.view;

import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stories for pages: reads {@code newsdelta.stories} from the beginning (every partition, no consumer group,
 * committed events only) into a {@link StoryBook} and follows it, on one thread. Any number of instances may run;
 * each holds the whole, bounded model. Queries answer from memory.
 *
 * <pre>{@code
 * try (StoryView view = StoryView.start(bootstrapServers, 10_000, 100)) {
 *   view.storyOf(articleId).flatMap(view::story).ifPresent(page -> render(page));
 * }
 * }</pre>
 */
public final class StoryView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoryView.class);

  private final StoryBook book;
  private final KafkaConsumer<String, StoryEvent> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  private StoryView(String bootstrapServers, StoryBook book) {
    this.book = book;
    this.consumer = new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), JsonSerde.of(StoryEvent.class));
    this.thread = new Thread(this::run, "story-view");
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading; returns at once.
   *
   * @param maxStories stories held (the least recently changed are dropped first)
   * @param maxVersions versions held per member
   */
  public static StoryView start(String bootstrapServers, int maxStories, int maxVersions) {
    StoryView view = new StoryView(bootstrapServers, new StoryBook(maxStories, maxVersions));
    view.thread.start();
    return view;
  }

  /** The story with this id, or the story it was merged into. */
  public Optional<StoryPage> story(String storyId) {
    synchronized (book) {
      return book.story(storyId);
    }
  }

  /** The story an article belongs to, for the link from its page. */
  public Optional<String> storyOf(String articleId) {
    synchronized (book) {
      return book.storyOf(articleId);
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions = waitForPartitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<String, StoryEvent> r : consumer.poll(Duration.ofMillis(500))) {
          synchronized (book) {
            book.apply(r.value());
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Story view stopped reading {}: {}; story pages show what was read so far. Restart to retry.",
          Topics.STORIES, e.getMessage());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private List<TopicPartition> waitForPartitions() {
    while (running) {
      var infos = consumer.partitionsFor(Topics.STORIES, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      LOG.info("Waiting for topic {} to exist", Topics.STORIES);
    }
    throw new WakeupException();
  }

  /** Stops reading within a few seconds. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
