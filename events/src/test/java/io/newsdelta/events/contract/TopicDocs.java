package io.newsdelta.events.contract;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the AsyncAPI document says about each topic that the code cannot say: who writes it, what the key
 * is, and what a consumer may rely on. Everything else (partitions, topic configs, value schemas) is read
 * from {@link Topics} and the records, and {@code AsyncApiFileTest} fails when a topic of
 * {@link Topics#all(int)} is in neither list.
 *
 * @param topic the topic name
 * @param id the channel id in the document
 * @param value the record type of the values
 * @param ceType the CloudEvents type of the values
 * @param ceSource the CloudEvents source of the writer
 * @param key what the key is
 * @param writtenBy the service that writes it
 * @param description what the topic is for
 * @param delivery the delivery guarantee, and what a consumer does about duplicates
 */
record TopicDocs(
    String topic,
    String id,
    Class<?> value,
    String ceType,
    String ceSource,
    String key,
    String writtenBy,
    String description,
    String delivery) {

  static final String INGEST = "/newsdelta/ingest";
  static final String DIFF_WORKER = "/newsdelta/diff-worker";
  static final String NOTIFIER = "/newsdelta/notifier";
  static final String STORIES = "/newsdelta/stories";

  /** Topics that are newsdelta's own working state, not part of the public contract. */
  static final Set<String> INTERNAL = Set.of(Topics.INGEST_STATE, Topics.SUBSCRIPTIONS, Topics.FEEDS_STATUS);

  static final List<TopicDocs> PUBLIC = List.of(
      new TopicDocs(Topics.RAW_VERSIONS, "rawVersions", RawVersion.class, CloudEvents.TYPE_RAW_VERSION, INGEST,
          "the article id (the normalised canonical URL)", "ingest",
          "Every page fetch whose article text (title, standfirst, byline, paragraphs, extractor version) differs from the last one published for that article, or whose page has no article text and different bytes; the body as fetched, decoded.",
          "At least once: an idempotent producer (acks=all) writes each version before ingest records it in"
              + " its state, so a crash can re-publish the same bytes (same bodySha256), never lose a version."),
      new TopicDocs(Topics.ARTICLE_VERSIONS, "articleVersions", ArticleVersion.class,
          CloudEvents.TYPE_ARTICLE_VERSION, DIFF_WORKER, "the article id", "diff-worker",
          "Each distinct version of an article's text, numbered 1, 2, 3 ... per article.",
          "Exactly once (Kafka Streams exactly_once_v2): read with isolation.level=read_committed to see no"
              + " aborted writes. articleId and version identify a version."),
      new TopicDocs(Topics.ARTICLE_CHANGES, "articleChanges", ArticleChange.class,
          CloudEvents.TYPE_ARTICLE_CHANGE, DIFF_WORKER, "the article id", "diff-worker",
          "The difference between two consecutive versions of an article; the first version is recorded,"
              + " never announced, so changes start at version 2.",
          "Exactly once (Kafka Streams exactly_once_v2): read with isolation.level=read_committed. changeId is"
              + " stable (articleId#from-to); use it as the idempotency key wherever a consumer may see a"
              + " change twice (a re-read after a crash, a read_uncommitted reader)."),
      new TopicDocs(Topics.INGEST_ERRORS, "ingestErrors", IngestError.class, CloudEvents.TYPE_INGEST_ERROR,
          INGEST, "the page URL, or the feed URL when no page is concerned", "ingest",
          "What ingest could not do (a feed or page unreachable, refused, too large, not a feed or page),"
              + " with what to do about it. A failure that persists is reported once.",
          "Best effort: sent without waiting; a failure to write one is logged by ingest."),
      new TopicDocs(Topics.NOTIFICATIONS_DLQ, "notificationsDlq", DeadLetter.class, CloudEvents.TYPE_DEAD_LETTER,
          NOTIFIER, "the article id", "notifier",
          "A change the notifier could not deliver to a channel after its retries.",
          "At least once: written and acknowledged (acks=all) before the notifier commits the change; the"
              + " CloudEvents id is the change id and the channel."),
      new TopicDocs(Topics.FEEDS, "feeds", FeedRegistration.class, CloudEvents.TYPE_FEED_REGISTRATION, INGEST,
          "the feed URL", "ingest, or any tool",
          "The feed registry, what ingest polls: compacted, the last value per feed URL counts; a null value"
              + " (tombstone) removes the feed.",
          "At least once; registering a feed again changes nothing."),
      new TopicDocs(Topics.STORIES, "stories", StoryEvent.class, CloudEvents.TYPE_STORY, STORIES,
          "the story id (the article id of the story's first member)", "stories",
          "One story across outlets: a new member, a member's new version, or two stories merged under the"
              + " older id.",
          "Exactly once (Kafka Streams exactly_once_v2): read with isolation.level=read_committed."));

  /** The entry for {@code topic}, if it is public. */
  static Optional<TopicDocs> of(String topic) {
    return PUBLIC.stream().filter(d -> d.topic().equals(topic)).findFirst();
  }
}
