package io.newsdelta.ingest.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.IngestConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostQueuesTest {
  private static final long MS = 1_000_000L;

  private static HostQueues queues(int concurrency, Duration gap, IngestConfig.HostLimit... hosts) {
    return new HostQueues(new HostLimits(concurrency, gap, List.of(hosts)));
  }

  @Test
  void shouldNeverStartMoreThanTheHostsConcurrency() {
    HostQueues q = queues(2, Duration.ZERO);
    for (int i = 0; i < 5; i++) {
      q.add("a.example", "a" + i);
    }

    HostQueues.Picks first = q.pick(0, 100);
    q.finished("a.example");
    HostQueues.Picks second = q.pick(1, 100);

    assertThat(first.starts()).extracting(HostQueues.Start::job).containsExactly("a0", "a1");
    assertThat(first.nextAt()).isEqualTo(Long.MAX_VALUE);
    assertThat(second.starts()).extracting(HostQueues.Start::job).containsExactly("a2");
    assertThat(q.maxInFlight("a.example")).isEqualTo(2);
  }

  @Test
  void shouldKeepTheMinimumGapBetweenStartsAndSayWhenTheNextMayStart() {
    HostQueues q = queues(4, Duration.ofMillis(100));
    q.add("a.example", "a0");
    q.add("a.example", "a1");

    HostQueues.Picks first = q.pick(0, 10);
    HostQueues.Picks tooSoon = q.pick(99 * MS, 10);
    HostQueues.Picks onTime = q.pick(100 * MS, 10);

    assertThat(first.starts()).hasSize(1);
    assertThat(first.nextAt()).isEqualTo(100 * MS);
    assertThat(tooSoon.starts()).isEmpty();
    assertThat(onTime.starts()).extracting(HostQueues.Start::job).containsExactly("a1");
  }

  @Test
  void shouldLetHostsTakeTurnsForTheGlobalSlots() {
    HostQueues q = queues(8, Duration.ZERO);
    for (int i = 0; i < 4; i++) {
      q.add("busy.example", "b" + i);
    }
    q.add("quiet.example", "q0");

    HostQueues.Picks picks = q.pick(0, 2);

    assertThat(picks.starts()).extracting(HostQueues.Start::job).containsExactly("b0", "q0");
  }

  @Test
  void shouldApplyAPerHostOverrideToTheHostAndItsSubdomains() {
    HostQueues q = queues(1, Duration.ofSeconds(1), new IngestConfig.HostLimit("example.com", 3, Duration.ZERO));
    for (int i = 0; i < 4; i++) {
      q.add("www.example.com", "w" + i);
      q.add("other.org", "o" + i);
    }

    HostQueues.Picks picks = q.pick(0, 100);

    assertThat(picks.starts()).filteredOn(s -> s.host().equals("www.example.com")).hasSize(3);
    assertThat(picks.starts()).filteredOn(s -> s.host().equals("other.org")).hasSize(1);
  }

  @Test
  void shouldHoldTheHostBehindARobotsReadAndHonourItsCrawlDelay() {
    HostQueues q = queues(4, Duration.ZERO);
    q.add("a.example", "a0");
    q.addFirst("a.example", HostQueues.BARRIER + "http://a.example");

    HostQueues.Picks robots = q.pick(0, 10);
    q.finished("a.example");
    q.crawlDelay("a.example", Duration.ofSeconds(2));
    q.hold("a.example", false);
    HostQueues.Picks page = q.pick(1, 10);
    q.add("a.example", "a1");
    HostQueues.Picks next = q.pick(2, 10);

    assertThat(robots.starts()).extracting(HostQueues.Start::job).containsExactly(HostQueues.BARRIER + "http://a.example");
    assertThat(page.starts()).extracting(HostQueues.Start::job).containsExactly("a0");
    assertThat(next.starts()).isEmpty();
    assertThat(next.nextAt()).isEqualTo(1 + 2_000 * MS);
  }
}
