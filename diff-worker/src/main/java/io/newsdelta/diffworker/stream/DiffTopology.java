package io.newsdelta.diffworker.stream;

import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.diffworker.version.ArticleState;
import io.newsdelta.diffworker.version.VersionPolicy;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The diff worker's topology: {@code newsdelta.raw-versions} → {@link DiffProcessor} (with the per-article
 * state store) → {@code newsdelta.article-versions} and {@code newsdelta.article-changes}. Built by a pure
 * static method so it can be tested with {@code TopologyTestDriver}.
 */
public final class DiffTopology {
  /** The per-article state store; its changelog topic keeps the state in Kafka. */
  public static final String STORE = "article-state";

  static final String SOURCE = "raw-versions";
  static final String PROCESSOR = "diff";
  static final String VERSIONS_SINK = "article-versions";
  static final String CHANGES_SINK = "article-changes";

  private DiffTopology() {}

  /** The topology with the current extractor version and the default rules. */
  public static Topology build(ArticleExtractor extractor) {
    return build(extractor, VersionPolicy.DEFAULT);
  }

  public static Topology build(ArticleExtractor extractor, VersionPolicy policy) {
    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), JsonSerde.of(RawVersion.class), Topics.RAW_VERSIONS);
    topology.addProcessor(PROCESSOR, () -> new DiffProcessor(extractor, policy), SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(ArticleState.class)),
        PROCESSOR);
    topology.addSink(
        VERSIONS_SINK,
        Topics.ARTICLE_VERSIONS,
        Serdes.String().serializer(),
        JsonSerde.of(ArticleVersion.class),
        PROCESSOR);
    topology.addSink(
        CHANGES_SINK,
        Topics.ARTICLE_CHANGES,
        Serdes.String().serializer(),
        JsonSerde.of(ArticleChange.class),
        PROCESSOR);
    return topology;
  }
}
