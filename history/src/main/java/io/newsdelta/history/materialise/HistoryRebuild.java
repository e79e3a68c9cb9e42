package io.newsdelta.history.materialise;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.history.EventBatch;
import io.newsdelta.history.HistoryWriter;
import io.newsdelta.kafka.Backlog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;

/**
 * Empties the store and reads the topics again from the beginning up to their current end, then commits those
 * end positions for group {@code newsdelta-history}, so a notifier started afterwards continues from there. The
 * notifier must be stopped meanwhile (the group must have no members).
 */
public final class HistoryRebuild {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private HistoryRebuild() {}

  /**
   * Rebuilds, writing a progress line to {@code progress} about once a second and a last one at the end.
   *
   * @return how many events were read
   * @throws NewsdeltaException when Kafka or the database fail, or the group is in use by a running notifier
   */
  public static long run(String bootstrapServers, HistoryWriter writer, PrintWriter progress) {
    return run(bootstrapServers, "", writer, progress);
  }

  /**
   * Rebuilds from the versions and changes of the diff worker's topic generation {@code generation}
   * ({@code diff-worker.topic-generation}: "" for the original topics; after {@code replay} and the operator's
   * switch, the generation the worker, the notifier and the history read), with the feeds and ingest state.
   *
   * @return how many events were read
   * @throws NewsdeltaException when Kafka or the database fail, or the group is in use by a running notifier
   */
  public static long run(String bootstrapServers, String generation, HistoryWriter writer, PrintWriter progress) {
    try (KafkaConsumer<String, byte[]> consumer = EventDecoder.consumer(bootstrapServers, "rebuild")) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
      for (String topic : EventDecoder.topics(generation)) {
        for (PartitionInfo p : topics.getOrDefault(topic, List.of())) {
          partitions.add(new TopicPartition(p.topic(), p.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
      long total = 0;
      for (TopicPartition tp : partitions) {
        total += end.get(tp) - begin.get(tp);
      }
      writer.truncate();
      progress.printf("history rebuild: emptied the store; reading %,d events from %d partitions%n", total, partitions.size());
      long read = 0;
      long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
      Backlog backlog = new Backlog();
      backlog.add(end);
      while (!readToEnd(consumer, backlog)) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        EventBatch batch = EventDecoder.decode(records);
        writer.apply(batch);
        read += records.count();
        if (System.nanoTime() - nextReport >= 0) {
          progress.printf("history rebuild: %,d of %,d events (%d%%)%n", read, total, total == 0 ? 100 : read * 100 / total);
          progress.flush();
          nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        }
      }
      Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
      for (TopicPartition tp : partitions) {
        positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
      }
      try {
        consumer.commitSync(positions);
      } catch (KafkaException e) {
        throw new NewsdeltaException("the history was rebuilt, but consumer group newsdelta-history is in use by a"
            + " running notifier (" + e.getMessage() + "); stop it and run history rebuild again");
      }
      progress.printf("history rebuild: done, %,d events read%n", read);
      progress.flush();
      return read;
    }
  }

  /** True once every partition was read to the end offset it had when the rebuild began. */
  private static boolean readToEnd(KafkaConsumer<String, byte[]> consumer, Backlog backlog) {
    backlog.caughtUp(consumer);
    return backlog.isEmpty();
  }
}
