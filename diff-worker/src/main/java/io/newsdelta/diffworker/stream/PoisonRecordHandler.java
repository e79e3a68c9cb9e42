package io.newsdelta.diffworker.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw version that is not valid JSON is a poison record: it is skipped with one log line naming where it is,
 * and the worker goes on. It stays on the topic for inspection ({@code tail raw --from-beginning}).
 */
public final class PoisonRecordHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PoisonRecordHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn(
        "Skipped a record that is not a raw version at {}-{} offset {}: {}. Check what else writes to that topic.",
        record.topic(), record.partition(), record.offset(), exception.getMessage());
    return Response.resume();
  }

  @Override
  public void configure(java.util.Map<String, ?> configs) {}
}
