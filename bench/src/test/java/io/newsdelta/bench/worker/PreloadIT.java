package io.newsdelta.bench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker load run's preload on a real broker, straight after the topics were created (as the load run
 * does): every raw version is on the topic when {@link Preload#produce} returns, and one that cannot be written
 * stops the run. Before, a record lost there (KAFKA-14359, or any send error) left the run waiting for ever
 * for offsets that could not come.
 */
class PreloadIT {
  private TestBroker broker;

  @BeforeEach
  void start() {
    broker = TestBroker.start();
    TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(6));
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void everyRawVersionIsOnTheTopicWhenTheProduceReturns() throws Exception {
    List<RawVersion> raws = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      raws.add(raw("https://bench.example/a/" + i, "<p>" + "word ".repeat(4000) + i + "</p>"));
    }

    Preload.produce(broker.bootstrapServers(), raws, 2);

    assertThat(onTopic()).isEqualTo(600);
  }

  @Test
  void aRawVersionThatCannotBeWrittenStopsTheRun() {
    List<RawVersion> raws = List.of(
        raw("https://bench.example/small", "<p>small</p>"),
        raw("https://bench.example/huge", "x".repeat(Topics.MAX_MESSAGE_BYTES + 1)));

    assertThatThrownBy(() -> Preload.produce(broker.bootstrapServers(), raws, 1))
        .isInstanceOf(NewsdeltaException.class)
        .hasMessageContaining("was not written to " + Topics.RAW_VERSIONS);
  }

  private static RawVersion raw(String url, String html) {
    return new RawVersion(url, url, "https://bench.example/rss", Instant.parse("2026-01-01T00:00:00Z"), 200,
        "text/html", Hashes.sha256(html), html);
  }

  private long onTopic() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 6; p++) {
        latest.put(new TopicPartition(Topics.RAW_VERSIONS, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(i -> i.offset()).sum();
    }
  }
}
