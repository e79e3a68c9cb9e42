package io.newsdelta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverIT {

  private final HttpClient client = HttpClient.newHttpClient();
  private final WebhookReceiver hook = WebhookReceiver.start();

  @AfterEach
  void stop() {
    hook.close();
  }

  @Test
  void shouldRecordPostedBodiesAndLowerCasedHeaders() throws Exception {
    HttpResponse<String> response = post("{\"event\":\"article-changed\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(hook.url().toString()).startsWith("http://127.0.0.1:").endsWith("/hook");
    assertThat(hook.received()).singleElement().satisfies(received -> {
      assertThat(received.path()).isEqualTo("/hook");
      assertThat(received.body()).isEqualTo("{\"event\":\"article-changed\"}");
      assertThat(received.headers())
          .containsEntry("content-type", "application/json")
          .containsEntry("x-newsdelta-event", "evt-1");
    });
  }

  @Test
  void shouldFailTheNextCallsWithTheGivenStatusThenAcceptAgain() throws Exception {
    hook.failNext(2, 503);

    int first = post("a").statusCode();
    int second = post("b").statusCode();
    int third = post("c").statusCode();

    assertThat(first).isEqualTo(503);
    assertThat(second).isEqualTo(503);
    assertThat(third).isEqualTo(200);
    assertThat(hook.attempts()).isEqualTo(3);
    assertThat(hook.received()).extracting(WebhookReceiver.Received::body).containsExactly("c");
  }

  @Test
  void shouldRejectOtherMethodsAndPaths() throws Exception {
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(hook.url()).build(), BodyHandlers.ofString());
    HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(hook.url().resolve("/other"))
        .POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(hook.received()).isEmpty();
    assertThat(hook.attempts()).isZero();
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(hook.url())
        .header("Content-Type", "application/json")
        .header("X-Newsdelta-Event", "evt-1")
        .POST(BodyPublishers.ofString(body))
        .build();
    return client.send(request, BodyHandlers.ofString());
  }
}
