package io.newsdelta.stories.stream;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.stories.similarity.MatchPolicy;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The stories job: {@code newsdelta.article-versions} → sign (by article) → repartition by band key → compare
 * within each band ({@code story-bands} store; the sign stage remembers each article's keys in
 * {@code story-band-keys}) → repartition by article → decide ({@code story-articles} store)
 * → {@code newsdelta.stories}, which feeds back into the global {@code story-membership} store. Both repartition
 * topics have the partitions of the input topic, so the job scales out by partitions like the others.
 */
public final class StoriesTopology {
  /** Name of the band repartition topic's stage ({@code newsdelta-stories-story-bands-repartition}). */
  static final String BANDS_TOPIC = "story-bands";
  /** Name of the article repartition topic's stage ({@code newsdelta-stories-story-members-repartition}). */
  static final String MEMBERS_TOPIC = "story-members";

  private StoriesTopology() {}

  /**
   * What the job with application id {@code applicationId} consumes: the versions, then its two repartition
   * stages (Streams names them {@code <application id>-<stage>-repartition}); its lag on these is its backlog.
   */
  public static java.util.List<String> inputTopics(String applicationId) {
    return java.util.List.of(Topics.ARTICLE_VERSIONS, applicationId + "-" + BANDS_TOPIC + "-repartition",
        applicationId + "-" + MEMBERS_TOPIC + "-repartition");
  }

  public static Topology build(MatchPolicy policy) {
    JsonSerde<StoryMessage> messages = JsonSerde.of(StoryMessage.class);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Membership.STORE), Serdes.String(), JsonSerde.of(StoryRef.class))
            .withLoggingDisabled(),
        Topics.STORIES,
        Consumed.with(Serdes.String(), JsonSerde.of(StoryEvent.class)).withName("stories-read-back"),
        MembershipUpdater::new);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BandProcessor.STORE), Serdes.String(), new BandMembersSerde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SignProcessor.STORE), Serdes.String(), JsonSerde.of(LastBanding.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(MemberProcessor.STORE), Serdes.String(),
            JsonSerde.of(ArticleStory.class)));

    KStream<String, StoryMessage> signed =
        builder.stream(Topics.ARTICLE_VERSIONS, Consumed.with(Serdes.String(), JsonSerde.of(ArticleVersion.class)))
            .process(() -> new SignProcessor(policy), Named.as("sign"), SignProcessor.STORE);
    KStream<String, StoryMessage> matches =
        signed.filter((k, v) -> v.kind() == StoryMessage.Kind.BAND, Named.as("bands"))
            .repartition(Repartitioned.with(Serdes.String(), messages).withName(BANDS_TOPIC))
            .process(() -> new BandProcessor(policy), Named.as("compare"), BandProcessor.STORE);
    signed.filter((k, v) -> v.kind() == StoryMessage.Kind.NOTICE, Named.as("notices"))
        .merge(matches, Named.as("notices-and-matches"))
        .repartition(Repartitioned.with(Serdes.String(), messages).withName(MEMBERS_TOPIC))
        .process(MemberProcessor::new, Named.as("decide"), MemberProcessor.STORE)
        .to(Topics.STORIES, Produced.with(Serdes.String(), JsonSerde.of(StoryEvent.class)).withName("stories"));
    return builder.build();
  }
}
