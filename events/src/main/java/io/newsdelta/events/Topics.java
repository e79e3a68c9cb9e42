package io.newsdelta.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The topic names of the contract (docs/contract.md) and the settings each topic is created with. */
public final class Topics {
  public static final String RAW_VERSIONS = "newsdelta.raw-versions";
  public static final String ARTICLE_VERSIONS = "newsdelta.article-versions";
  public static final String ARTICLE_CHANGES = "newsdelta.article-changes";
  public static final String INGEST_ERRORS = "newsdelta.ingest.errors";
  public static final String NOTIFICATIONS_DLQ = "newsdelta.notifications.dlq";
  public static final String FEEDS = "newsdelta.feeds";
  /** Ingest's per-article schedule and last published body hash (compacted; key = article id). */
  public static final String INGEST_STATE = "newsdelta.ingest.state";
  /**
   * Each feed's last poll, items, errors and owning instance, written by the ingest instance that polls it
   * (compacted; key = feed URL; an extension beside {@link #FEEDS}, read by {@code feeds list}).
   */
  public static final String FEEDS_STATUS = "newsdelta.feeds.status";
  /** Stories across outlets: members added and changed, stories merged (key = story id; {@link StoryEvent}). */
  public static final String STORIES = "newsdelta.stories";
  /** The notifier's run-time subscriptions (compacted; key = subscription name). */
  public static final String SUBSCRIPTIONS = "newsdelta.subscriptions";

  /** Large pages must fit: 16 MiB per message on the raw topic. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /**
   * How a topic is created.
   *
   * @param name the topic name
   * @param partitions partitions (the unit of scale-out)
   * @param configs topic-level configs
   */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {}

  private Topics() {}

  /** How long raw pages are kept when {@code kafka.raw-retention} is not set. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(14);

  /** {@code retention.ms} of the record topics: never delete. */
  public static final String KEEP_FOREVER = "-1";

  /** Every topic newsdelta uses, raw pages kept for {@link #DEFAULT_RAW_RETENTION}. */
  public static List<TopicSpec> all(int partitions) {
    return all(partitions, DEFAULT_RAW_RETENTION);
  }

  /**
   * Every topic newsdelta uses, with its partitions and configs. The version and change topics are the record
   * and are kept for ever; raw pages are only the input of the diff worker and are kept for {@code rawRetention}.
   */
  public static List<TopicSpec> all(int partitions, Duration rawRetention) {
    Map<String, String> data =
        Map.of("compression.type", "zstd", "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    Map<String, String> forever = with(data, "retention.ms", KEEP_FOREVER);
    Map<String, String> raw = with(data, "retention.ms", String.valueOf(rawRetention.toMillis()));
    return List.of(
        new TopicSpec(RAW_VERSIONS, partitions, raw),
        new TopicSpec(ARTICLE_VERSIONS, partitions, forever),
        new TopicSpec(ARTICLE_CHANGES, partitions, forever),
        new TopicSpec(INGEST_ERRORS, 1, Map.of("compression.type", "zstd", "retention.ms", "604800000")),
        new TopicSpec(NOTIFICATIONS_DLQ, 1, data),
        new TopicSpec(FEEDS, partitions, Map.of("cleanup.policy", "compact", "compression.type", "zstd")),
        new TopicSpec(FEEDS_STATUS, partitions, Map.of("cleanup.policy", "compact", "compression.type", "zstd")),
        new TopicSpec(INGEST_STATE, partitions, Map.of("cleanup.policy", "compact", "compression.type", "zstd")),
        new TopicSpec(STORIES, partitions, Map.of("compression.type", "zstd", "retention.ms", "-1")),
        new TopicSpec(SUBSCRIPTIONS, 1, Map.of("cleanup.policy", "compact")));
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> out = new HashMap<>(base);
    out.put(key, value);
    return Map.copyOf(out);
  }
}
