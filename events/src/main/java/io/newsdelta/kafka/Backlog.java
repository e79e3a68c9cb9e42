package io.newsdelta.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions being read to the end they had when reading began: the end offsets are taken once, at the first
 * check after a partition is added, so records written meanwhile do not keep a reader from ever catching up.
 * Not thread-safe: use it on the consumer's thread (a rebalance listener runs there too).
 */
public final class Backlog {
  /** Partitions still being read, with the end offset to reach (null until it is known). */
  private final Map<TopicPartition, Long> ends = new HashMap<>();

  /** Starts reading {@code partitions} to their end (the caller seeks them where reading begins). */
  public void add(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> ends.put(tp, null));
  }

  /**
   * Starts reading partitions to the end offsets given, taken by the caller when reading began (to count what is
   * to be read, say), instead of asking the broker again at the first check.
   */
  public void add(Map<TopicPartition, Long> endOffsets) {
    ends.putAll(endOffsets);
  }

  /** Stops waiting for {@code partitions} (revoked, say). */
  public void remove(Collection<TopicPartition> partitions) {
    partitions.forEach(ends::remove);
  }

  public boolean isEmpty() {
    return ends.isEmpty();
  }

  /**
   * The partitions that have now been read to their end, removed from the backlog. Asks the broker for the end
   * offsets not yet known, then compares them with the consumer's positions.
   *
   * @throws org.apache.kafka.common.KafkaException when the broker does not answer
   */
  public List<TopicPartition> caughtUp(Consumer<?, ?> consumer) {
    if (ends.isEmpty()) {
      return List.of();
    }
    List<TopicPartition> unknown = ends.entrySet().stream()
        .filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    if (!unknown.isEmpty()) {
      ends.putAll(consumer.endOffsets(unknown));
    }
    List<TopicPartition> done = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (consumer.position(e.getKey()) >= e.getValue()) {
        done.add(e.getKey());
      }
    }
    done.forEach(ends::remove);
    return done;
  }
}
