package io.newsdelta.stories.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that is not valid JSON for the stories job is skipped with one log line naming where it is; the job
 * goes on and the record stays on its topic for inspection.
 */
public final class PoisonVersionHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PoisonVersionHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn("Stories job skipped a record it cannot read at {}-{} offset {}: {}. Check what else writes to that topic.",
        record.topic(), record.partition(), record.offset(), exception.getMessage());
    return Response.resume();
  }

  @Override
  public void configure(java.util.Map<String, ?> configs) {}
}
