package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions from the config and from the API decide which channel gets which change. */
class SubscriptionsIT {
  private static final String TOKEN = "a-token-for-the-tests-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();

  private static ArticleChange change(int from, String inserted) {
    ArticleChange base = Fixtures.change("https://news.example/politics/budget", from, from + 1);
    return new ArticleChange(base.changeId(), base.articleId(), base.url(), base.title(), from, from + 1,
        base.fromObservedAt(), base.toObservedAt(), false, false, null, List.of(new Hunk(Hunk.Op.INSERT, "", inserted)),
        new ChangeStats(inserted.split(" ").length, 0), "words added", base.title());
  }

  private HttpResponse<String> call(String method, URI uri, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldRouteByTheConfiguredSubscriptionsAndThoseAddedThroughTheApi() throws Exception {
    try (TestBroker broker = TestBroker.start(); WebhookReceiver a = WebhookReceiver.start();
        WebhookReceiver b = WebhookReceiver.start(); Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50))
          .withChannels(
              List.of(new ChannelConfig("a", "webhook", a.url(), null, null, List.of(), null),
                  new ChannelConfig("b", "webhook", b.url(), null, null, List.of(), null)),
              List.of(new SubscriptionConfig("budget", null, null, List.of("budget"), null, null, null, null, List.of("a"))))
          .withApi(null, TOKEN);
      try (NotifierService notifier = Fixtures.notifier(config, broker.bootstrapServers())) {
        Javalin app = Javalin.create();
        notifier.alertRoutes().forEach(r -> r.accept(app));
        app.start("127.0.0.1", 0);
        try {
          notifier.start();
          URI api = URI.create("http://127.0.0.1:" + app.port() + "/api/subscriptions");
          ArticleChange aboutBudget = change(1, "the budget was cut");
          ArticleChange other = change(2, "the weather was fine");
          producer.send(aboutBudget);
          producer.send(other);
          await().atMost(WAIT).until(() -> a.received().size() == 1);
          assertThat(a.received().get(0).headers()).containsEntry("idempotency-key", aboutBudget.changeId());

          assertThat(call("GET", api, null, null).statusCode()).isEqualTo(401);
          assertThat(call("GET", api, "wrong-token-wrong-token", null).statusCode()).isEqualTo(401);
          assertThat(call("PUT", URI.create(api + "/everything"), TOKEN,
              "{\"name\":\"everything\",\"channels\":[\"nowhere\"]}").statusCode()).isEqualTo(400);
          assertThat(call("PUT", URI.create(api + "/weather"), TOKEN,
              "{\"name\":\"weather\",\"text\":[\"/weath\\\\w+/\"],\"min-words\":2,\"channels\":[\"b\"]}").statusCode())
              .isEqualTo(200);
          await().atMost(WAIT).until(() -> call("GET", api, TOKEN, null).body().contains("\"weather\""));
          assertThat(call("GET", api, TOKEN, null).body()).contains("\"budget\"", "\"min-words\":2");

          ArticleChange weather = change(3, "more weather news");
          producer.send(weather);
          await().atMost(WAIT).until(() -> b.received().size() == 1);
          assertThat(b.received().get(0).headers()).containsEntry("idempotency-key", weather.changeId());

          assertThat(call("DELETE", URI.create(api + "/weather"), TOKEN, null).statusCode()).isEqualTo(204);
          await().atMost(WAIT).until(() -> !call("GET", api, TOKEN, null).body().contains("\"weather\""));
          ArticleChange budgetAgain = change(4, "weather and budget");
          producer.send(budgetAgain);
          await().atMost(WAIT).until(() -> a.received().size() == 2);
          assertThat(b.received()).hasSize(1);
          assertThat(a.received()).extracting(r -> r.headers().get("idempotency-key"))
              .containsExactly(aboutBudget.changeId(), budgetAgain.changeId());
        } finally {
          app.stop();
        }
      }
    }
  }
}
