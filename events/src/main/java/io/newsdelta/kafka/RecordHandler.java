package io.newsdelta.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with one record, on the consumer's thread. A {@link io.newsdelta.NewsdeltaException} is
 * bad input: the record is skipped with one warning line; any other exception is a bug, logged with its trace,
 * and the record is skipped too, so one record never stops a reader.
 */
@FunctionalInterface
public interface RecordHandler<K, V> {
  void handle(ConsumerRecord<K, V> record);
}
