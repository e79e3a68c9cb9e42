package io.newsdelta.stories.view;

import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.CompactedTopicReader;
import io.newsdelta.kafka.ConsumerRunner;
import io.newsdelta.kafka.KafkaClients;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stories for pages: reads {@code newsdelta.stories} from the beginning (every partition, no consumer group,
 * committed events only) into a {@link StoryBook} and follows it, on one thread ({@link CompactedTopicReader}:
 * it waits for the topic to exist, retries through broker trouble, and skips an event it cannot read). Any number
 * of instances may run; each holds the whole, bounded model. Queries answer from memory.
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
  private final ConsumerRunner<String, StoryEvent> runner;

  private StoryView(String bootstrapServers, StoryBook book) {
    this.book = book;
    KafkaConsumer<String, StoryEvent> consumer = new KafkaClients(bootstrapServers, "stories").consumer("view",
        Map.of(), new StringDeserializer(), JsonSerde.of(StoryEvent.class));
    CompactedTopicReader<String, StoryEvent> reader = new CompactedTopicReader<>(consumer, Topics.STORIES, r -> {
      synchronized (book) {
        book.apply(r.value());
      }
    });
    this.runner = reader.follow("story-view",
            () -> LOG.info("Story view read {} to its end; following it", Topics.STORIES))
        .daemon(true)
        .build();
  }

  /**
   * Starts reading; returns at once.
   *
   * @param maxStories stories held (the least recently changed are dropped first)
   * @param maxVersions versions held per member
   */
  public static StoryView start(String bootstrapServers, int maxStories, int maxVersions) {
    StoryView view = new StoryView(bootstrapServers, new StoryBook(maxStories, maxVersions));
    view.runner.start();
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

  /** Stops reading within a few seconds. */
  @Override
  public void close() {
    runner.close();
  }
}
