package io.newsdelta.notifier.delivery;

import io.newsdelta.notifier.channel.ChangeEvent;
import java.time.Duration;

/** Which changes a channel gets (the subscriptions' answer); asked once per change per channel. */
@FunctionalInterface
public interface Routing {
  /** Every change to every channel: the answer when there are no subscriptions. */
  Routing EVERYTHING = (channel, event) -> true;

  /** Whether {@code channel} gets {@code event}. */
  boolean wants(String channel, ChangeEvent event);

  /**
   * How {@code channel} gets {@code event}: {@link Route#NONE}, {@link Route#AT_ONCE}, or in the digest of a
   * subscription. By default at once when {@link #wants} says so.
   */
  default Route route(String channel, ChangeEvent event) {
    return wants(channel, event) ? Route.AT_ONCE : Route.NONE;
  }

  /**
   * A change's way to one channel.
   *
   * @param wanted whether the channel gets it at all
   * @param digest the subscription whose digest it goes into, or null: at once (or into the channel's own digest)
   * @param period that digest's period, or null
   */
  record Route(boolean wanted, String digest, Duration period) {
    /** The channel does not get the change. */
    public static final Route NONE = new Route(false, null, null);
    /** The channel gets the change at once. */
    public static final Route AT_ONCE = new Route(true, null, null);

    /** Into the digest of subscription {@code name}, mailed every {@code period}. */
    public static Route digest(String name, Duration period) {
      return new Route(true, name, period);
    }
  }
}
