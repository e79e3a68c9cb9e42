package io.newsdelta.notifier.subscription;

import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.delivery.Routing;
import io.newsdelta.notifier.delivery.Routing.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lanes' answer from the subscriptions: the configured ones and those added at run time (a run-time one
 * replaces a configured one of the same name). Without any subscription every change goes to every channel;
 * with some, a channel gets a change when a subscription naming it matches.
 */
public final class SubscriptionRouting implements Routing {
  private final List<SubscriptionConfig> configured;
  private final Supplier<Collection<SubscriptionConfig>> runtime;

  private final Function<ChangeEvent, Set<String>> feedOf;

  /** Routing over {@code configured} and whatever {@code runtime} holds when asked; feeds as the change carries them. */
  public SubscriptionRouting(List<SubscriptionConfig> configured, Supplier<Collection<SubscriptionConfig>> runtime) {
    this(configured, runtime, e -> e.feedUrl() == null ? Set.of() : Set.of(e.feedUrl()));
  }

  /**
   * The same with the feed (URL and name) of a change's article from {@code feedOf} (see {@link FeedOf}), asked
   * once per change and channel, and only when a subscription of that channel names feeds.
   */
  public SubscriptionRouting(List<SubscriptionConfig> configured, Supplier<Collection<SubscriptionConfig>> runtime,
      Function<ChangeEvent, Set<String>> feedOf) {
    this.configured = List.copyOf(configured);
    this.runtime = runtime;
    this.feedOf = feedOf;
  }

  /** Every subscription in force now. */
  public List<SubscriptionConfig> current() {
    Collection<SubscriptionConfig> added = runtime.get();
    if (added.isEmpty()) {
      return configured; // asked per change per channel: no copy when nothing was added at run time
    }
    Map<String, SubscriptionConfig> all = new LinkedHashMap<>();
    configured.forEach(s -> all.put(s.name(), s));
    added.forEach(s -> all.put(s.name(), s));
    return new ArrayList<>(all.values());
  }

  @Override
  public boolean wants(String channel, ChangeEvent event) {
    return route(channel, event).wanted();
  }

  /**
   * At once when a matching subscription of {@code channel} has no digest; else into the digest of the first
   * matching one (in order: configured, then run-time), so a change is in one digest per channel, never two.
   */
  @Override
  public Route route(String channel, ChangeEvent event) {
    List<SubscriptionConfig> all = current();
    if (all.isEmpty()) {
      return Route.AT_ONCE;
    }
    // The feed is looked up once per change, and only when a subscription asks for it (a history query).
    Function<ChangeEvent, Set<String>> once = new Function<>() {
      private Set<String> feeds;

      @Override
      public Set<String> apply(ChangeEvent e) {
        if (feeds == null) {
          feeds = feedOf.apply(e);
        }
        return feeds;
      }
    };
    Route first = Route.NONE;
    for (SubscriptionConfig s : all) {
      if (s.channels().contains(channel) && SubscriptionMatcher.matches(s, event, once)) {
        if (s.digest() == null) {
          return Route.AT_ONCE;
        }
        if (!first.wanted()) {
          first = Route.digest(s.name(), s.digestPeriod());
        }
      }
    }
    return first;
  }
}
