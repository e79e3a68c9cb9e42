package io.newsdelta.notifier.delivery;

import io.newsdelta.notifier.channel.ChangeEvent;

/** Which changes a channel gets (the subscriptions' answer); asked once per change per channel. */
@FunctionalInterface
public interface Routing {
  /** Every change to every channel: the answer when there are no subscriptions. */
  Routing EVERYTHING = (channel, event) -> true;

  /** Whether {@code channel} gets {@code event}. */
  boolean wants(String channel, ChangeEvent event);
}
