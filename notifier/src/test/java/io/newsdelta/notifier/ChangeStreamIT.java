package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.sse.ChangeStream;
import io.newsdelta.testsupport.TestBroker;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** /events streams changes live; a client that reconnects with Last-Event-ID misses none and repeats none. */
class ChangeStreamIT {
  private static final String ARTICLE = "https://news.example/world/storm";

  /** One SSE event as read off the wire. */
  record Event(String name, String id, String data) {}

  /** Reads events off one connection on a thread of its own. */
  static final class Reader implements AutoCloseable {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final InputStream body;

    Reader(URI uri, String lastEventId) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
      body = response.body();
      Thread t = new Thread(this::read);
      t.setDaemon(true);
      t.start();
    }

    private void read() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String name = null;
        String id = null;
        List<String> data = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
          if (line.isEmpty()) {
            if (!data.isEmpty()) {
              events.add(new Event(name, id, String.join("\n", data)));
            }
            name = null;
            data.clear();
          } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
          } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
          } else if (line.startsWith("data:")) {
            data.add(line.substring(5).trim());
          }
        }
      } catch (Exception e) {
        // closed
      }
    }

    List<String> changeIds() {
      return events.stream().map(e -> Json.read(e.data(), ArticleChange.class).changeId()).toList();
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }

  @Test
  void shouldStreamChangesLiveAndResumeAfterTheLastEventId() throws Exception {
    try (TestBroker broker = TestBroker.start(); Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      producer.send(Fixtures.change(ARTICLE, 1, 2)); // before anyone listens: not streamed to a new client
      Javalin app = Javalin.create();
      new ChangeStream(broker.bootstrapServers()).register(app);
      app.start("127.0.0.1", 0);
      try {
        URI events = URI.create("http://127.0.0.1:" + app.port() + "/events");
        ArticleChange second = Fixtures.change(ARTICLE, 2, 3);
        ArticleChange third = Fixtures.change(ARTICLE, 3, 4);
        ArticleChange fourth = Fixtures.change(ARTICLE, 4, 5);
        String lastSeen;
        try (Reader live = new Reader(events, null)) {
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            producer.send(Fixtures.change("https://news.example/probe", 1, 2));
            assertThat(live.events).isNotEmpty();
          });
          producer.send(second);
          await().atMost(Duration.ofSeconds(30)).until(() -> live.changeIds().contains(second.changeId()));
          assertThat(live.changeIds()).doesNotContain(Fixtures.change(ARTICLE, 1, 2).changeId());
          assertThat(live.events).allSatisfy(e -> assertThat(e.name()).isEqualTo("change"));
          lastSeen = live.events.get(live.events.size() - 1).id();
        }
        producer.send(third);
        producer.send(fourth);
        try (Reader resumed = new Reader(events, lastSeen)) {
          await().atMost(Duration.ofSeconds(30)).until(() -> resumed.changeIds().contains(fourth.changeId()));
          assertThat(resumed.changeIds()).containsExactly(third.changeId(), fourth.changeId());
        }
      } finally {
        app.stop();
      }
    }
  }
}
