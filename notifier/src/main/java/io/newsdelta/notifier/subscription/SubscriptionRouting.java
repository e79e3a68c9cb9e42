package io.newsdelta.notifier.subscription;

import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.delivery.Routing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lanes' answer from the subscriptions: the configured ones and those added at run time (a run-time one
 * replaces a configured one of the same name). Without any subscription every change goes to every channel;
 * with some, a channel gets a change when a subscription naming it matches.
 */
public final class SubscriptionRouting implements Routing {
  private final List<SubscriptionConfig> configured;
  private final Supplier<Collection<SubscriptionConfig>> runtime;

  /** Routing over {@code configured} and whatever {@code runtime} holds when asked. */
  public SubscriptionRouting(List<SubscriptionConfig> configured, Supplier<Collection<SubscriptionConfig>> runtime) {
    this.configured = List.copyOf(configured);
    this.runtime = runtime;
  }

  /** Every subscription in force now. */
  public List<SubscriptionConfig> current() {
    Map<String, SubscriptionConfig> all = new LinkedHashMap<>();
    configured.forEach(s -> all.put(s.name(), s));
    runtime.get().forEach(s -> all.put(s.name(), s));
    return new ArrayList<>(all.values());
  }

  @Override
  public boolean wants(String channel, ChangeEvent event) {
    List<SubscriptionConfig> all = current();
    if (all.isEmpty()) {
      return true;
    }
    for (SubscriptionConfig s : all) {
      if (s.channels().contains(channel) && SubscriptionMatcher.matches(s, event)) {
        return true;
      }
    }
    return false;
  }
}
