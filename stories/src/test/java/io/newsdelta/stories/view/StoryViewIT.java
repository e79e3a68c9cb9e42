package io.newsdelta.stories.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.Json;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StoryViewIT {
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  @Test
  void shouldReadTheStoriesTopicFromTheBeginningAndFollowIt() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      send(broker.bootstrapServers(), event("bbc", StoryEvent.MEMBER_ADDED, "bbc", 1));
      try (StoryView view = StoryView.start(broker.bootstrapServers(), 100, 10)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> view.story("bbc").isPresent());
        send(broker.bootstrapServers(), event("bbc", StoryEvent.MEMBER_ADDED, "other", 1));
        send(broker.bootstrapServers(), event("bbc", StoryEvent.MEMBER_CHANGED, "bbc", 2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          StoryPage page = view.story("bbc").orElseThrow();
          assertThat(page.members()).extracting(StoryPage.Member::articleId).containsExactly("bbc", "other");
          assertThat(page.members().get(0).latestVersion()).isEqualTo(2);
        });
        assertThat(view.storyOf("other")).contains("bbc");
      }
    }
  }

  private static StoryEvent event(String story, String kind, String article, int version) {
    Instant at = T0.plus(Duration.ofMinutes(version + (article.equals("other") ? 60 : 0)));
    return new StoryEvent(story, kind, article, "https://" + article + ".example/a", article + ".example", "T",
        version, at, at, null, null, 1, null);
  }

  private static void send(String bootstrap, StoryEvent e) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.STORIES, e.storyId(), Json.write(e))).get(30, TimeUnit.SECONDS);
    }
  }
}
