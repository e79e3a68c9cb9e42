package io.newsdelta.notifier.delivery;

import io.newsdelta.config.NotifierConfig;
import io.newsdelta.notifier.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every channel's lane, started and stopped together; the one thing the notifier service holds for delivery. */
public final class Deliveries implements AutoCloseable {
  private final List<DeliveryLane> lanes = new ArrayList<>();
  private final List<Channel> channels;

  /**
   * One lane per channel, each with its own backoff, circuit breaker and delivery threads from {@code config}.
   *
   * @param routing which changes each channel gets
   */
  public Deliveries(
      String bootstrapServers, NotifierConfig config, List<Channel> channels, Routing routing, DeadLetters deadLetters,
      Clock clock) {
    this(bootstrapServers, io.newsdelta.events.Topics.ARTICLE_CHANGES, config, channels, routing, deadLetters, clock);
  }

  /** The same, every lane reading {@code changesTopic} (the diff worker's generation of the changes topic). */
  public Deliveries(
      String bootstrapServers, String changesTopic, NotifierConfig config, List<Channel> channels, Routing routing,
      DeadLetters deadLetters, Clock clock) {
    this.channels = List.copyOf(channels);
    NotifierConfig.Delivery settings = config.delivery();
    LaneStart start = channels.isEmpty() ? null : LaneStart.read(bootstrapServers, clock.instant());
    for (Channel channel : channels) {
      // A signal per lane: a gone endpoint stops its own lane's retries, not the others'.
      StopSignal stop = new StopSignal();
      RetryingDelivery delivery =
          new RetryingDelivery(
              channel,
              new Backoff(config.initialBackoff(), config.maxAttempts(), settings.maxBackoff()),
              new CircuitBreaker(settings.circuitFailures(), settings.circuitOpenFor()),
              deadLetters,
              stop,
              clock);
      lanes.add(new DeliveryLane(bootstrapServers, changesTopic, delivery, routing, start, stop, settings.maxInFlight(),
          settings.attemptTimeout()));
    }
  }

  /** Starts every lane; returns at once. */
  public void start() {
    lanes.forEach(DeliveryLane::start);
  }

  /** The lanes, one per channel. */
  public List<DeliveryLane> lanes() {
    return List.copyOf(lanes);
  }

  /** Whether a lane stopped on an error it cannot recover from. */
  public boolean failed() {
    return lanes.stream().anyMatch(DeliveryLane::failed);
  }

  /** Stops every lane at once, then waits for them, {@code timeout} in all. */
  public void close(Duration timeout) {
    lanes.forEach(DeliveryLane::beginClose);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (DeliveryLane lane : lanes) {
      lane.close(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
    }
    channels.forEach(Channel::close);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }
}
