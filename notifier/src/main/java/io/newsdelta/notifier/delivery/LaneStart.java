package io.newsdelta.notifier.delivery;

import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a lane whose group has never committed starts: where the notifier's single group of earlier releases
 * ({@link DeliveryLane#LEGACY_GROUP_ID}) had got to, so an upgrade announces nothing twice; otherwise the first
 * change written since {@link #GRACE} before this notifier started, so a channel added to a running installation
 * gets the news from about now on, not the whole kept history (the changes topic keeps everything for ever).
 *
 * @param legacy committed offsets of the legacy group, per partition of the changes topic
 * @param since the time a new lane starts from
 */
public record LaneStart(Map<TopicPartition, Long> legacy, Instant since) {
  /** How far before its start a new channel's history begins. */
  public static final Duration GRACE = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(LaneStart.class);

  public LaneStart {
    legacy = Map.copyOf(legacy);
  }

  /**
   * Reads the legacy group's offsets (none when it never existed or the broker does not answer in 10 s) with an
   * admin client {@code newsdelta-notifier-lane-start-<n>}; new lanes start {@link #GRACE} before {@code startedAt}.
   */
  public static LaneStart read(String bootstrapServers, Instant startedAt) {
    Map<TopicPartition, Long> legacy = new HashMap<>();
    try (Admin admin = new KafkaClients(bootstrapServers, "notifier").admin("lane-start", Map.of())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(DeliveryLane.LEGACY_GROUP_ID).partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      offsets.forEach((tp, om) -> {
        if (om != null && tp.topic().equals(Topics.ARTICLE_CHANGES)) {
          legacy.put(tp, om.offset());
        }
      });
    } catch (Exception e) {
      LOG.debug("No offsets of the legacy group {}: {}", DeliveryLane.LEGACY_GROUP_ID, e.toString());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    return new LaneStart(legacy, startedAt.minus(GRACE));
  }

  /** Seeks the newly assigned partitions that have no committed offset in the lane's group. */
  void position(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, String channel) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(10));
    Set<TopicPartition> fresh = new HashSet<>();
    for (TopicPartition tp : partitions) {
      if (committed.get(tp) != null) {
        continue;
      }
      Long old = legacy.get(tp);
      if (old != null) {
        consumer.seek(tp, old);
        LOG.info("Channel {} starts {} where the notifier's single group had got to (offset {})", channel, tp, old);
      } else {
        fresh.add(tp);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    // The end first: a change written after this lookup is at or past it, so none can slip between the two.
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh, Duration.ofSeconds(10));
    Map<TopicPartition, Long> times = new HashMap<>();
    fresh.forEach(tp -> times.put(tp, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, Duration.ofSeconds(10));
    for (TopicPartition tp : fresh) {
      OffsetAndTimestamp at = found.get(tp);
      consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
    }
    LOG.info("Channel {} is new on {}: it gets the changes written since {}", channel, fresh, since);
  }
}
