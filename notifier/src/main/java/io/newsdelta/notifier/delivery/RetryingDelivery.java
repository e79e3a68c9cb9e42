package io.newsdelta.notifier.delivery;

import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.Topics;
import io.newsdelta.notifier.channel.Attempt;
import io.newsdelta.notifier.channel.Channel;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.DigestChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers changes to one channel: tries, waits on the {@link Backoff} schedule (or the endpoint's
 * {@code Retry-After}), never sends while the channel's {@link CircuitBreaker} is open, and after the last
 * failed attempt hands the change to {@link DeadLetters}. A 410 Gone dead-letters the change at once and
 * disables the channel. One instance per channel, used by that channel's delivery threads at once (each with
 * its own change): its state is the shared, synchronized circuit.
 */
public final class RetryingDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

  private final Channel channel;
  private final Backoff backoff;
  private final CircuitBreaker circuit;
  private final DeadLetters deadLetters;
  private final StopSignal stop;
  private final Clock clock;
  private final DoubleSupplier random;

  /** A delivery policy for {@code channel}; waits end early when {@code stop} is signalled. */
  public RetryingDelivery(
      Channel channel, Backoff backoff, CircuitBreaker circuit, DeadLetters deadLetters, StopSignal stop, Clock clock) {
    this(channel, backoff, circuit, deadLetters, stop, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryingDelivery(
      Channel channel, Backoff backoff, CircuitBreaker circuit, DeadLetters deadLetters, StopSignal stop, Clock clock,
      DoubleSupplier random) {
    this.channel = channel;
    this.backoff = backoff;
    this.circuit = circuit;
    this.deadLetters = deadLetters;
    this.stop = stop;
    this.clock = clock;
    this.random = random;
  }

  /** The channel delivered to. */
  public Channel channel() {
    return channel;
  }

  /**
   * Delivers {@code event} to the channel.
   *
   * @return how it ended; {@link Outcome#ABORTED} when the notifier stopped before it was delivered or dead-lettered
   * @throws io.newsdelta.NewsdeltaException when the dead-letter topic cannot be written
   */
  public Outcome deliver(ChangeEvent event) {
    return deliver(List.of(event), event.change().changeId(), () -> channel.send(event));
  }

  /**
   * Delivers {@code events} as one digest (the channel must be a {@link DigestChannel}); when every attempt
   * fails, each of them is dead-lettered on its own, so {@code dlq redrive} resends them one by one.
   */
  public Outcome deliverDigest(List<ChangeEvent> events) {
    return deliverDigest(events, null);
  }

  /** The same for the digest of subscription {@code subscription} (null: the channel's own digest). */
  public Outcome deliverDigest(List<ChangeEvent> events, String subscription) {
    DigestChannel digests = (DigestChannel) channel;
    String what = (subscription == null ? "a digest of " : "subscription " + subscription + "'s digest of ")
        + events.size() + " change(s) from " + events.get(0).change().changeId();
    return deliver(events, what, () -> digests.sendDigest(events, subscription));
  }

  /** One attempt at sending. */
  @FunctionalInterface
  private interface Send {
    Attempt once() throws InterruptedException;
  }

  private Outcome deliver(List<ChangeEvent> events, String changeId, Send send) {
    Attempt last = null;
    for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
      for (Duration open = circuit.waitBeforeAttempt(clock.instant()); !open.isZero();
          open = circuit.waitBeforeAttempt(clock.instant())) {
        if (!stop.pause(open)) {
          return Outcome.ABORTED;
        }
      }
      if (stop.isStopped()) {
        return Outcome.ABORTED;
      }
      try {
        last = send.once();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.ABORTED;
      }
      if (last.delivered()) {
        circuit.succeeded();
        if (attempt > 1) {
          LOG.info("Delivered {} to {} on attempt {}", changeId, channel.name(), attempt);
        } else {
          LOG.debug("Delivered {} to {}", changeId, channel.name());
        }
        return Outcome.DELIVERED;
      }
      if (last.gone()) {
        LOG.error(
            "Channel {} answered 410 Gone for {}: it is disabled until the notifier restarts; remove it from the"
                + " config or fix its URL; the change is on {}",
            channel.name(), changeId, Topics.NOTIFICATIONS_DLQ);
        for (ChangeEvent event : events) {
          deadLetters.publish(new DeadLetter(event.change(), channel.name(), attempt,
              last.error() + ". The endpoint is gone (410): channel " + channel.name()
                  + " is disabled until the notifier restarts; fix or remove it, then `dlq redrive`.",
              clock.instant(), DeadLetter.ENDPOINT_GONE));
        }
        return Outcome.DISABLED;
      }
      if (circuit.failed(clock.instant())) {
        LOG.warn("Circuit of channel {} opened after repeated failures: nothing is sent to it for a while", channel.name());
      }
      if (backoff.retriesAfter(attempt)) {
        Duration wait = backoff.waitAfter(attempt, random, last.retryAfter());
        LOG.warn(
            "Delivery of {} to {} failed (attempt {} of {}): {}; retrying in {} ms",
            changeId, channel.name(), attempt, backoff.maxAttempts(), last.error(), wait.toMillis());
        if (!stop.pause(wait)) {
          return Outcome.ABORTED;
        }
      }
    }
    String lastError =
        last.error()
            + " (after " + backoff.maxAttempts() + (backoff.maxAttempts() == 1 ? " attempt" : " attempts")
            + "). Check that the endpoint is up and accepts the POST (or fix the channel in the config), then"
            + " re-send this change from " + Topics.NOTIFICATIONS_DLQ
            + " with `dlq redrive`; its id makes a second delivery safe.";
    LOG.error(
        "Giving up on delivering {} to {} after {} attempts: {}; sent to {}",
        changeId, channel.name(), backoff.maxAttempts(), last.error(), Topics.NOTIFICATIONS_DLQ);
    for (ChangeEvent event : events) {
      deadLetters.publish(new DeadLetter(event.change(), channel.name(), backoff.maxAttempts(), lastError, clock.instant()));
    }
    return Outcome.DEAD_LETTERED;
  }
}
