package io.newsdelta.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.newsdelta.events.Json;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.stories.view.StoryView;
import io.newsdelta.testsupport.TestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The story page from the stories topic on a real broker: members side by side, their versions, escaped. */
class StoryPageIT {
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldShowEachOutletsTellingAndWhatItChangedWhen() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(2));
      send(broker.bootstrapServers(), event(StoryEvent.MEMBER_ADDED, "https://bbc.example/a", "bbc.example",
          "Phone and email tracking plan due", 1, T0));
      send(broker.bootstrapServers(), event(StoryEvent.MEMBER_ADDED, "https://other.example/b", "other.example",
          "UK Gov. <script>alert(1)</script> Wants to Monitor All Internet Use", 1, T0.plus(Duration.ofHours(24))));
      send(broker.bootstrapServers(), event(StoryEvent.MEMBER_CHANGED, "https://bbc.example/a", "bbc.example",
          "Plan to monitor all internet use", 2, T0.plus(Duration.ofMinutes(40))));
      try (StoryView view = StoryView.start(broker.bootstrapServers(), 100, 10)) {
        Javalin app = Javalin.create();
        new StoryRoutes(() -> Optional.of(view)).register(app);
        app.start("127.0.0.1", 0);
        try {
          String base = "http://127.0.0.1:" + app.port();
          await().atMost(Duration.ofSeconds(60)).until(() ->
              get(base + "/story?article=https%3A%2F%2Fother.example%2Fb").statusCode() == 200
                  && get(base + "/story?id=https%3A%2F%2Fbbc.example%2Fa").body().contains("version 2"));

          Document page = Jsoup.parse(get(base + "/story?article=https%3A%2F%2Fother.example%2Fb").body());
          assertThat(page.select("section.member h2").eachText()).containsExactly("bbc.example", "other.example");
          assertThat(page.text()).contains("Plan to monitor all internet use", "1 day later", "2 versions",
              "what changed in version 2");
          assertThat(page.select("script")).isEmpty();
          assertThat(page.text()).contains("<script>alert(1)</script>");
          assertThat(page.select("a[href='/diff?id=https%3A%2F%2Fbbc.example%2Fa&from=1&to=2']")).hasSize(1);

          assertThat(get(base + "/story?article=https%3A%2F%2Fnowhere.example%2F").statusCode()).isEqualTo(404);
          HttpResponse<String> json = get(base + "/api/story?id=https%3A%2F%2Fbbc.example%2Fa");
          assertThat(json.statusCode()).isEqualTo(200);
          assertThat(Json.read(json.body(), com.fasterxml.jackson.databind.JsonNode.class).path("members"))
              .hasSize(2);
        } finally {
          app.stop();
        }
      }
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static StoryEvent event(String kind, String url, String host, String title, int version, Instant at) {
    return new StoryEvent("https://bbc.example/a", kind, url, url, host, title, version, at, at,
        url.contains("other") ? 0.07 : null, null, 2, null);
  }

  private static void send(String bootstrap, StoryEvent e) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.STORIES, e.storyId(), Json.write(e))).get(30, TimeUnit.SECONDS);
    }
  }
}
