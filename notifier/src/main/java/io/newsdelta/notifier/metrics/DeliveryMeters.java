package io.newsdelta.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.metrics.MetricNames;
import io.newsdelta.notifier.channel.Attempt;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.Channel;
import io.newsdelta.notifier.channel.DigestChannel;
import io.newsdelta.notifier.delivery.DeadLetters;
import io.newsdelta.notifier.delivery.DeliveryLane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts what the delivery lanes do by wrapping what they are given: each {@link Channel} (an attempt, and a
 * delivery when it took the change, with the pipeline latency) and the {@link DeadLetters} (a dead-lettered
 * delivery).
 */
public final class DeliveryMeters {
  /** Per {@code channel}: changes its lane read and has not settled (sending, retrying, or in a digest). */
  public static final String LANE_PENDING = "newsdelta.notifier.lane.pending";
  /** Per {@code channel}: changes its lane is behind the changes topic (not read yet, plus pending). */
  public static final String LANE_LAG = "newsdelta.notifier.lane.lag";

  private final MeterRegistry registry;
  private final Clock clock;

  public DeliveryMeters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** The channels, each counted. */
  public List<Channel> wrap(List<Channel> channels) {
    // A digest channel stays one: the lane tells digests from single sends by the channel's type.
    return channels.stream().map(c -> c instanceof DigestChannel d ? (Channel) new CountedDigest(d) : new Counted(c)).toList();
  }

  /** A gauge of each lane's pending changes and one of its lag, tagged with its channel. */
  public void lanes(List<DeliveryLane> lanes) {
    for (DeliveryLane lane : lanes) {
      Gauge.builder(LANE_PENDING, lane, DeliveryLane::pending).tag("channel", lane.channel())
          .description("Changes the channel's lane read and has not settled yet").register(registry);
      Gauge.builder(LANE_LAG, lane, DeliveryLane::lag).tag("channel", lane.channel())
          .description("Changes the channel's lane is behind the changes topic (unread plus pending)").register(registry);
    }
  }

  /** The dead-letter topic, each letter counted as a dead-lettered delivery of its channel. */
  public DeadLetters wrap(DeadLetters letters) {
    return letter -> {
      letters.publish(letter);
      deliveries(letter.channel(), "dead_lettered").increment();
    };
  }

  private Counter deliveries(String channel, String outcome) {
    return Counter.builder(MetricNames.DELIVERIES).tag("channel", channel).tag("outcome", outcome)
        .description("Changes delivered or dead-lettered, by channel").register(registry);
  }

  private void attempted(String channel, Attempt attempt, ChangeEvent event) {
    Counter.builder(MetricNames.DELIVERY_ATTEMPTS).tag("channel", channel)
        .tag("outcome", attempt.delivered() ? "ok" : "failed")
        .description("Delivery attempts, by channel").register(registry).increment();
    if (!attempt.delivered()) {
      return;
    }
    deliveries(channel, "delivered").increment();
    Instant observed = event.change().toObservedAt();
    if (observed != null) {
      Duration latency = Duration.between(observed, clock.instant());
      Timer.builder(MetricNames.PIPELINE_LATENCY).tag("channel", channel)
          .description("From the page fetch that showed a change (toObservedAt) to its delivery")
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
          .maximumExpectedValue(Duration.ofHours(1)).register(registry)
          .record(latency.isNegative() ? Duration.ZERO : latency);
    }
  }

  /** A digest channel whose attempts are counted, each digest counted as one attempt. */
  private final class CountedDigest extends Counted implements DigestChannel {
    private final DigestChannel digests;

    CountedDigest(DigestChannel channel) {
      super(channel);
      this.digests = channel;
    }

    @Override
    public Duration digestPeriod() {
      return digests.digestPeriod();
    }

    @Override
    public Attempt sendDigest(List<ChangeEvent> events) throws InterruptedException {
      return sendDigest(events, null);
    }

    @Override
    public Attempt sendDigest(List<ChangeEvent> events, String subscription) throws InterruptedException {
      Attempt attempt = digests.sendDigest(events, subscription);
      for (ChangeEvent event : events) {
        attempted(digests.name(), attempt, event);
      }
      return attempt;
    }
  }

  /** A channel whose attempts are counted. */
  private class Counted implements Channel {
    private final Channel channel;

    Counted(Channel channel) {
      this.channel = channel;
    }

    @Override
    public String name() {
      return channel.name();
    }

    @Override
    public Attempt send(ChangeEvent event) throws InterruptedException {
      Attempt attempt = channel.send(event);
      attempted(channel.name(), attempt, event);
      return attempt;
    }

    @Override
    public void close() {
      channel.close();
    }
  }
}
