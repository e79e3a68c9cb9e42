package io.newsdelta.diffworker.stream;

import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.diffworker.version.ArticleState;
import io.newsdelta.diffworker.version.VersionPolicy;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.Stores;

/**
 * The diff worker's topology: {@code newsdelta.raw-versions} → {@link DiffProcessor} (with the per-article
 * state store) → {@code newsdelta.article-versions} and {@code newsdelta.article-changes}. Built by a pure
 * static method so it can be tested with {@code TopologyTestDriver}.
 */
public final class DiffTopology {
  /** The per-article state store; its changelog topic keeps the state in Kafka. */
  public static final String STORE = "article-state";
  /** Articles whose append-only updates are held, with when they are due (epoch ms); small, scanned by a punctuator. */
  public static final String HELD_STORE = "held-appends";

  static final String SOURCE = "raw-versions";
  static final String PROCESSOR = "diff";
  static final String VERSIONS_SINK = "article-versions";
  static final String CHANGES_SINK = "article-changes";

  /**
   * How the topology runs.
   *
   * @param policy the versioning rules' settings
   * @param releaseClock the clock held live-blog additions are released by: wall-clock time for the live
   *     worker (announced even when no record comes), stream time for a replay of history (so a replay makes
   *     the same changes as the live worker did, whatever its speed)
   * @param releaseCheck how often the held additions are checked
   * @param versionsTopic where versions go ({@code newsdelta.article-versions} or a replay's generation)
   * @param changesTopic where changes go
   * @param carriedText whether a raw version's text, extracted by ingest with an extractor of the same identity
   *     as the worker's, is taken instead of extracting the body again: yes for the live worker; no for a replay,
   *     which is run to read history with the extractor of this build whatever the records say
   */
  public record Options(
      VersionPolicy policy,
      PunctuationType releaseClock,
      Duration releaseCheck,
      String versionsTopic,
      String changesTopic,
      boolean carriedText) {
    public static final Options DEFAULT = live(VersionPolicy.DEFAULT);

    public Options {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(releaseClock, "releaseClock");
      Objects.requireNonNull(versionsTopic, "versionsTopic");
      Objects.requireNonNull(changesTopic, "changesTopic");
    }

    /** The live worker's options: released by wall-clock time, checked every 30 s at most. */
    public static Options live(VersionPolicy policy) {
      return new Options(policy, PunctuationType.WALL_CLOCK_TIME, checkEvery(policy), Topics.ARTICLE_VERSIONS,
          Topics.ARTICLE_CHANGES, true);
    }

    /**
     * A replay's options: released by stream time (the raw versions' record timestamps); every body extracted
     * again.
     */
    public static Options replay(VersionPolicy policy) {
      return new Options(policy, PunctuationType.STREAM_TIME, checkEvery(policy), Topics.ARTICLE_VERSIONS,
          Topics.ARTICLE_CHANGES, false);
    }

    /** The same options writing to other topics. */
    public Options withTopics(String versions, String changes) {
      return new Options(policy, releaseClock, releaseCheck, versions, changes, carriedText);
    }

    private static Duration checkEvery(VersionPolicy policy) {
      Duration quarter = policy.appendOnlyPeriod().dividedBy(4);
      Duration most = Duration.ofSeconds(30);
      Duration least = Duration.ofSeconds(1);
      return quarter.compareTo(most) > 0 ? most : quarter.compareTo(least) < 0 ? least : quarter;
    }
  }

  private DiffTopology() {}

  /** The topology with the current extractor version and the default rules. */
  public static Topology build(ArticleExtractor extractor) {
    return build(extractor, Options.DEFAULT);
  }

  public static Topology build(ArticleExtractor extractor, Options options) {
    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), JsonSerde.of(RawVersion.class), Topics.RAW_VERSIONS);
    topology.addProcessor(PROCESSOR, () -> new DiffProcessor(extractor, options), SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(ArticleState.class)),
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_STORE), Serdes.String(), Serdes.Long()),
        PROCESSOR);
    topology.addSink(
        VERSIONS_SINK,
        options.versionsTopic(),
        Serdes.String().serializer(),
        JsonSerde.of(ArticleVersion.class),
        PROCESSOR);
    topology.addSink(
        CHANGES_SINK,
        options.changesTopic(),
        Serdes.String().serializer(),
        JsonSerde.of(ArticleChange.class),
        PROCESSOR);
    return topology;
  }
}
