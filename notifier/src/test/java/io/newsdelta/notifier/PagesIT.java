package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.testsupport.TestBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages, fetched over real HTTP from a notifier reading a real broker. */
class PagesIT {
  private static final String ARTICLE = "https://news.example/world/storm?id=1&lang=en";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestBroker broker;
  private static NotifierService notifier;

  @BeforeAll
  static void start() throws Exception {
    broker = TestBroker.start();
    Fixtures.createTopics(broker.bootstrapServers());
    try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      producer.send(Fixtures.version(ARTICLE, 1, 0, "Storm hits coast",
          "Residents were told to stay indoors.", "Ten people were hurt, police said.", "Roads are closed."));
      producer.send(Fixtures.version(ARTICLE, 2, 40, "Storm batters <coast>",
          "Residents were told to stay indoors.", "Twelve people were hurt, police said on Monday.", "Roads are closed."));
      ArticleChange change = Fixtures.change(ARTICLE, 1, 2);
      producer.send(change);
    }
    notifier = new NotifierService(Fixtures.config(1, Duration.ZERO), broker.bootstrapServers());
    notifier.start();
  }

  @AfterAll
  static void stop() {
    if (notifier != null) {
      notifier.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + notifier.httpPort() + pathAndQuery)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldListTheTrackedArticleWithALinkToItsPage() {
    await().atMost(WAIT).untilAsserted(() -> {
      HttpResponse<String> index = get("/");
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
      assertThat(index.body())
          .contains("Storm batters &lt;coast&gt;")
          .contains("href=\"/article?id=" + URLEncoder.encode(ARTICLE, StandardCharsets.UTF_8) + "\"")
          .contains("<td>2</td>");
    });
  }

  @Test
  void shouldShowTheVersionsAndTheWordDiffOfTheArticle() {
    await().atMost(WAIT).untilAsserted(() -> {
      HttpResponse<String> page = get("/article?id=" + URLEncoder.encode(ARTICLE, StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<h1>Storm batters &lt;coast&gt;</h1>")
          .contains("Version 1 → Version 2 <small>(40 minutes later)</small>")
          .contains("Storm <del>hits coast</del> <ins>batters &lt;coast&gt;</ins>")
          .contains("<del>Ten</del> <ins>Twelve</ins> people were hurt, police <del>said.</del> <ins>said on Monday.</ins>")
          .contains("Headline changed; 1 word replaced");
    });
  }

  @Test
  void shouldAnswer404ForAnUnknownArticleAndOkOnHealthz() throws Exception {
    HttpResponse<String> missing = get("/article?id=" + URLEncoder.encode("https://nowhere.example/<x>", StandardCharsets.UTF_8));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Article not found").contains("https://nowhere.example/&lt;x&gt;");

    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
  }

  @Test
  void shouldServeTheArticlesAsJson() {
    await().atMost(WAIT).untilAsserted(() -> {
      HttpResponse<String> api = get("/api/articles");
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
      assertThat(api.body()).contains("\"articleId\":\"" + ARTICLE + "\"").contains("\"versions\":2");
    });
  }
}
