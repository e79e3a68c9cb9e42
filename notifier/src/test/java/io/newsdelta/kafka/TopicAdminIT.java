package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topic creation and retention correction on the real broker. */
class TopicAdminIT {
  private static TestBroker broker;
  private static Admin admin;

  @BeforeAll
  static void start() {
    broker = TestBroker.start();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static String retention(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    return config.get("retention.ms").value();
  }

  @Test
  void shouldCorrectTheRetentionOfRecordTopicsThatAnOlderInstallCreatedWithTheBrokerDefault() throws Exception {
    // What an older newsdelta did: no retention.ms, so the broker's default (7 days) applies.
    admin.createTopics(List.of(
            new NewTopic(Topics.ARTICLE_VERSIONS, 1, (short) 1),
            new NewTopic(Topics.ARTICLE_CHANGES, 1, (short) 1),
            new NewTopic(Topics.RAW_VERSIONS, 1, (short) 1)))
        .all().get(30, TimeUnit.SECONDS);
    assertThat(retention(Topics.ARTICLE_VERSIONS)).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));

    TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(1, Duration.ofDays(3)));

    // The controller has the new configs once ensure returns; the broker that answers describeConfigs applies
    // them from the metadata log a moment later.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(retention(Topics.ARTICLE_VERSIONS)).isEqualTo("-1");
      assertThat(retention(Topics.ARTICLE_CHANGES)).isEqualTo("-1");
      assertThat(retention(Topics.RAW_VERSIONS)).isEqualTo(String.valueOf(Duration.ofDays(3).toMillis()));
    });
    // Topics that did not exist are created with their retention.
    assertThat(retention(Topics.NOTIFICATIONS_DLQ)).isNotNull();
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(
        Topics.all(1).stream().map(Topics.TopicSpec::name).toList());

    // A second start changes nothing and does not fail.
    TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(1, Duration.ofDays(3)));
    assertThat(retention(Topics.ARTICLE_CHANGES)).isEqualTo("-1");
  }
}
