package io.newsdelta.notifier.delivery;

import io.newsdelta.config.NotifierConfig;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.Channel;
import io.newsdelta.notifier.channel.Channels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends dead letters again, each to the channel named in it, with the configured attempts and backoff. A failed
 * redrive is reported, not dead-lettered a second time: the original letter is still on the topic.
 */
public final class Redrive {
  /**
   * How one letter's redrive ended.
   *
   * @param letter the dead letter
   * @param outcome {@link Outcome#DELIVERED}, or what else happened
   * @param error why it was not delivered, or null
   */
  public record Result(DeadLetter letter, Outcome outcome, String error) {}

  private Redrive() {}

  /** Redrives {@code letters} with the channels of {@code config}; unknown channels are reported, not sent. */
  public static List<Result> run(NotifierConfig config, AddressPolicy addressPolicy, List<DeadLetter> letters,
      Clock clock) {
    Map<String, Channel> channels = new HashMap<>();
    for (Channel c : Channels.of(config, clock, addressPolicy)) {
      channels.put(c.name(), c);
    }
    List<Result> results = new ArrayList<>();
    StopSignal stop = new StopSignal();
    Map<String, CircuitBreaker> circuits = new HashMap<>();
    for (DeadLetter letter : letters) {
      Channel channel = channels.get(letter.channel());
      if (channel == null) {
        results.add(new Result(letter, Outcome.ABORTED,
            "no channel named " + letter.channel() + " in the config; known: " + channels.keySet()));
        continue;
      }
      List<String> errors = new ArrayList<>();
      CircuitBreaker circuit = circuits.computeIfAbsent(channel.name(),
          n -> new CircuitBreaker(config.delivery().circuitFailures(), config.delivery().circuitOpenFor()));
      RetryingDelivery delivery = new RetryingDelivery(
          channel,
          new Backoff(config.initialBackoff(), config.maxAttempts(), config.delivery().maxBackoff()),
          circuit,
          again -> errors.add(again.lastError()),
          stop,
          clock);
      Outcome outcome = delivery.deliver(ChangeEvent.of(letter.change(), "/newsdelta/notifier"));
      results.add(new Result(letter, outcome, errors.isEmpty() ? null : errors.get(0)));
    }
    channels.values().forEach(Channel::close);
    return results;
  }
}
