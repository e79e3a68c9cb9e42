package io.newsdelta.kafka;

import io.newsdelta.NewsdeltaException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has got through a range of offsets per partition, from the offsets it committed: the
 * replay's progress, the worker load run's "done" and the pipeline benchmark's lag are this one sum. A partition
 * the group never committed counts from its range's start; a commit outside the range counts as its nearer end.
 *
 * @param done offsets of the ranges the group has committed past
 * @param total offsets in the ranges
 */
public record GroupLag(long done, long total) {

  /** The offsets {@code from} (inclusive) to {@code to} (exclusive, an end offset) of one partition. */
  public record Range(long from, long to) {}

  /** Offsets of the ranges the group has not committed yet. */
  public long lag() {
    return total - done;
  }

  /** How far offsets {@code committed} (a group's, as the admin client lists them) got through {@code ranges}. */
  public static GroupLag of(Map<TopicPartition, Range> ranges, Map<TopicPartition, OffsetAndMetadata> committed) {
    long done = 0;
    long total = 0;
    for (Map.Entry<TopicPartition, Range> e : ranges.entrySet()) {
      Range r = e.getValue();
      OffsetAndMetadata at = committed.get(e.getKey());
      long offset = at == null ? r.from() : at.offset();
      done += Math.max(0, Math.min(offset, r.to()) - r.from());
      total += Math.max(0, r.to() - r.from());
    }
    return new GroupLag(done, total);
  }

  /**
   * How far consumer group {@code group} got through {@code ranges}, asking the broker for its committed offsets.
   *
   * @throws NewsdeltaException when the broker does not answer within {@code timeout}, or the thread is interrupted
   */
  public static GroupLag read(Admin admin, String group, Map<TopicPartition, Range> ranges, Duration timeout) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return of(ranges, committed);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new NewsdeltaException("cannot read the committed offsets of consumer group " + group + " ("
          + cause + "); check that the Kafka cluster is reachable", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsdeltaException("interrupted while reading the offsets of consumer group " + group, e);
    }
  }

  /** Ranges from offset 0 to each partition's {@code ends}: a topic nothing was ever deleted from. */
  public static Map<TopicPartition, Range> fromZero(Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Range> ranges = new HashMap<>();
    ends.forEach((tp, end) -> ranges.put(tp, new Range(0, end)));
    return ranges;
  }
}
