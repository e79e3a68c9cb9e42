package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.kafka.KafkaClients;
import org.junit.jupiter.api.Test;

class DeliveryLaneTest {
  @Test
  void shouldNameTheLaneConsumerAfterItsChannelInAClientIdKafkaClientsAccepts() {
    KafkaClients clients = new KafkaClients("127.0.0.1:9", "notifier");

    assertThat(clients.clientId(DeliveryLane.clientRole("Ops Team.slack_2")))
        .isEqualTo("newsdelta-notifier-lane-ops-team-slack-2-1");
    assertThat(DeliveryLane.groupId("Ops Team.slack_2")).isEqualTo("newsdelta-notifier-Ops Team.slack_2");
  }
}
