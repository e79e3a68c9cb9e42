package io.newsdelta.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.config.StoriesConfig;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Json;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesServiceIT {
  private static final String BBC = "http://news.bbc.co.uk/1/hi/uk_politics/8020039.stm";
  private static final String OTHER = "https://www.techtimes.example/internet/uk-gov-wants-to-monitor-all-internet-use";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  @TempDir Path stateDir;

  @Test
  void shouldGroupTheSeedStoryAndAnnounceItsChangeOnTheRealBroker() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      try (StoriesService service =
               new StoriesService(new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, stateDir),
                   broker.bootstrapServers())) {
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        produce(broker.bootstrapServers(), SeedTexts.version("v4", BBC, 1, T0));
        produce(broker.bootstrapServers(), SeedTexts.version("other-outlet", OTHER, 1, T0.plus(Duration.ofDays(1))));

        List<ConsumerRecord<String, String>> formed =
            Consume.records(broker.bootstrapServers(), Topics.STORIES, 2, Duration.ofSeconds(90));
        assertThat(formed).extracting(ConsumerRecord::key).containsOnly(BBC);
        assertThat(formed).extracting(r -> Json.read(r.value(), StoryEvent.class).articleId())
            .containsExactlyInAnyOrder(BBC, OTHER);

        // The membership comes back through newsdelta.stories; then a new version is a change of the story.
        produce(broker.bootstrapServers(), SeedTexts.version("v5", BBC, 2, T0.plus(Duration.ofMinutes(40))));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
            assertThat(Consume.records(broker.bootstrapServers(), Topics.STORIES, 3, Duration.ofSeconds(5)))
                .extracting(r -> Json.read(r.value(), StoryEvent.class))
                .anySatisfy(e -> {
                  assertThat(e.kind()).isEqualTo(StoryEvent.MEMBER_CHANGED);
                  assertThat(e.storyId()).isEqualTo(BBC);
                  assertThat(e.version()).isEqualTo(2);
                }));
      }
    }
  }

  private static void produce(String bootstrap, ArticleVersion v) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, v.articleId(), Json.write(v)))
          .get(30, TimeUnit.SECONDS);
    }
  }
}
