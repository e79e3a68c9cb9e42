package io.newsdelta.events;

import java.util.List;
import java.util.Map;

/** The topic names of DESIGN.md and the settings each topic is created with. */
public final class Topics {
  public static final String RAW_VERSIONS = "newsdelta.raw-versions";
  public static final String ARTICLE_VERSIONS = "newsdelta.article-versions";
  public static final String ARTICLE_CHANGES = "newsdelta.article-changes";
  public static final String INGEST_ERRORS = "newsdelta.ingest.errors";
  public static final String NOTIFICATIONS_DLQ = "newsdelta.notifications.dlq";
  public static final String FEEDS = "newsdelta.feeds";
  /** Ingest's per-article schedule and last published body hash (compacted; key = article id). */
  public static final String INGEST_STATE = "newsdelta.ingest.state";
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

  /** Every topic newsdelta uses, with its partitions and configs. */
  public static List<TopicSpec> all(int partitions) {
    Map<String, String> data =
        Map.of("compression.type", "zstd", "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    return List.of(
        new TopicSpec(RAW_VERSIONS, partitions, data),
        new TopicSpec(ARTICLE_VERSIONS, partitions, data),
        new TopicSpec(ARTICLE_CHANGES, partitions, data),
        new TopicSpec(INGEST_ERRORS, 1, Map.of("compression.type", "zstd", "retention.ms", "604800000")),
        new TopicSpec(NOTIFICATIONS_DLQ, 1, data),
        new TopicSpec(FEEDS, partitions, Map.of("cleanup.policy", "compact", "compression.type", "zstd")),
        new TopicSpec(INGEST_STATE, partitions, Map.of("cleanup.policy", "compact", "compression.type", "zstd")),
        new TopicSpec(SUBSCRIPTIONS, 1, Map.of("cleanup.policy", "compact")));
  }
}
