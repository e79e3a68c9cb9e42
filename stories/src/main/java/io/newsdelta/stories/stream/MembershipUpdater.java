package io.newsdelta.stories.stream;

import io.newsdelta.events.StoryEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global membership store up to date from {@code newsdelta.stories} (also replayed on restore). */
final class MembershipUpdater implements Processor<String, StoryEvent, Void, Void> {
  private KeyValueStore<String, StoryRef> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(Membership.STORE);
  }

  @Override
  public void process(Record<String, StoryEvent> record) {
    if (record.value() != null && record.value().kind() != null && record.value().articleId() != null) {
      Membership.apply(store, record.value());
    }
  }
}
