package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.diffworker.version.ArticleText;
import io.newsdelta.diffworker.version.Observation;
import io.newsdelta.diffworker.version.Versioner;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.testsupport.TestBroker;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages, feeds and API over real HTTP from a notifier that materialised a real broker's topics into a real
 * SQLite store. The versions and the change are made by the diff worker's own {@link Versioner}, so every
 * assertion is on what production writes.
 */
class PagesIT {
  private static final String ARTICLE = "https://news.example/world/storm?id=1&lang=en";
  private static final String HOSTILE = "https://news.example/<b>bold</b>";
  private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestBroker broker;
  private static NotifierService notifier;
  private static ArticleChange change;

  @BeforeAll
  static void start() throws Exception {
    broker = TestBroker.start();
    Fixtures.createTopics(broker.bootstrapServers());
    Observation v1 = Versioner.observe(null, ARTICLE, ARTICLE, T0, new ArticleText("Storm hits coast", null, null,
        List.of("Residents were told to stay indoors.", "Ten people were hurt, police said.", "Roads are closed.")));
    Observation v2 = Versioner.observe(v1.state(), ARTICLE, ARTICLE, T0.plus(Duration.ofMinutes(40)),
        new ArticleText("Storm batters <coast>", null, null, List.of("Residents were told to stay indoors.",
            "Twelve people were hurt, police said on Monday.", "Roads are closed.",
            "<script>alert('x')</script> Officials urged calm.")));
    Observation hostile = Versioner.observe(null, HOSTILE, "javascript:alert(1)", T0, new ArticleText(
        "<img src=x onerror=alert(1)>Headline", null, null, List.of("<iframe src=//evil></iframe>")));
    change = v2.change();
    try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      producer.send(v1.version());
      producer.send(v2.version());
      producer.send(change);
      producer.send(hostile.version());
    }
    Path db = Files.createTempDirectory("pages-it").resolve("history.db");
    notifier = Fixtures.notifier(Fixtures.config(1, Duration.ZERO), new HistoryConfig("jdbc:sqlite:" + db),
        broker.bootstrapServers());
    notifier.start();
    await().atMost(WAIT).until(() -> get("/api/changes").body().contains(change.changeId()));
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

  private static Document page(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type").map(t -> t.replace(" ", ""))).contains("text/html;charset=utf-8");
    Document doc = Jsoup.parse(response.body());
    // Hostile text is inert everywhere: no element a feed or a page could have smuggled in.
    assertThat(doc.select("script, iframe, img, [onerror]")).as(pathAndQuery).isEmpty();
    return doc;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void shouldListTheArticlesAndTheLatestChangeAsTheWorkerDescribedIt() throws Exception {
    Document index = page("/", 200);
    Element row = index.select("table.articles tr:has(a[href=/article?id=" + enc(ARTICLE) + "])").first();
    assertThat(row).isNotNull();
    assertThat(row.select("a").first().text()).isEqualTo("Storm batters <coast>");
    assertThat(row.select("td").get(1).text()).isEqualTo("2");
    assertThat(index.select("ul.changes li small").eachText()).containsExactly(change.summary());
    assertThat(index.select("ul.changes a").attr("href")).isEqualTo("/diff?id=" + enc(ARTICLE) + "&from=1&to=2");
  }

  @Test
  void shouldShowTheTimelineWithTheGapAndTheHeadlineHistory() throws Exception {
    Document article = page("/article?id=" + enc(ARTICLE), 200);
    assertThat(article.select("h1").text()).isEqualTo("Storm batters <coast>");
    assertThat(article.select("ol.timeline li")).hasSize(2);
    assertThat(article.select("ol.timeline li .gap").eachText()).containsExactly("40 minutes later");
    assertThat(article.select("ol.headlines li").eachText()).containsExactly("Storm hits coast", "Storm batters <coast>");
    assertThat(article.select("a.atom").attr("href")).isEqualTo("/atom?id=" + enc(ARTICLE));
    assertThat(article.select("ol.timeline li small").eachText()).containsExactly(change.summary());
  }

  @Test
  void shouldShowTheDiffInlineWithDeletedWordsStruckAndInsertedWordsMarked() throws Exception {
    Document diff = page("/diff?id=" + enc(ARTICLE) + "&from=1&to=2", 200);
    assertThat(diff.select("h2.versions").text()).isEqualTo("Version 1 → Version 2 (40 minutes later)");
    assertThat(diff.select("p.headline del").eachText()).containsExactly("hits coast");
    assertThat(diff.select("p.headline ins").eachText()).containsExactly("batters <coast>");
    assertThat(diff.select(".inline p.changed del").eachText()).contains("Ten");
    assertThat(diff.select(".inline p.changed ins").eachText()).contains("Twelve");
    assertThat(diff.select(".inline p.inserted").text()).isEqualTo("<script>alert('x')</script> Officials urged calm.");
    assertThat(diff.select(".inline p.unchanged").eachText())
        .containsExactly("Residents were told to stay indoors.", "Roads are closed.");
  }

  @Test
  void shouldShowTheDiffSideBySideWithParagraphsAligned() throws Exception {
    Document side = page("/diff?id=" + enc(ARTICLE) + "&from=1&to=2&view=side", 200);
    List<Element> rows = side.select("table.side tbody tr");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).select("td").eachText()).containsExactly(
        "Residents were told to stay indoors.", "Residents were told to stay indoors.");
    assertThat(rows.get(1).select("td").get(0).select("del").eachText()).contains("Ten");
    assertThat(rows.get(1).select("td").get(0).select("ins")).isEmpty();
    assertThat(rows.get(1).select("td").get(1).select("ins").eachText()).contains("Twelve");
    assertThat(rows.get(3).select("td").get(0).text()).isEmpty();
    // Any two versions: the form offers every version on both sides.
    assertThat(side.select("form.choose select[name=from] option").eachText()).containsExactly("1", "2");
  }

  @Test
  void shouldAnswerMissingArticlesVersionsAndPathsWithAPageSayingSo() throws Exception {
    assertThat(page("/article?id=" + enc("https://nowhere.example/<x>"), 404).select("p").text())
        .contains("https://nowhere.example/<x>");
    assertThat(page("/diff?id=" + enc(ARTICLE) + "&from=1&to=9", 404).select("h1").text()).isEqualTo("Versions not found");
    assertThat(page("/diff?id=" + enc(ARTICLE) + "&from=one", 400).select("p").text()).contains("'from'");
    assertThat(page("/most-revised?period=sometimes", 400).select("p").text()).contains("'period'");
    assertThat(page("/no/such/page", 404).select("h1").text()).isEqualTo("Page not found");
  }

  @Test
  void shouldKeepHostileHeadlinesAndUrlsInert() throws Exception {
    Document article = page("/article?id=" + enc(HOSTILE), 200);
    assertThat(article.select("h1").text()).isEqualTo("<img src=x onerror=alert(1)>Headline");
    // A javascript: URL is shown as text, never as a link.
    assertThat(article.select("a[href^=javascript]")).isEmpty();
    assertThat(article.text()).contains("javascript:alert(1)");
    page("/", 200);
    page("/search?q=" + enc("<script>alert(1)</script>"), 200);
  }

  @Test
  void shouldSendAContentSecurityPolicyThatAllowsNoScript() throws Exception {
    for (String path : List.of("/", "/article?id=" + enc(ARTICLE), "/atom", "/api/articles", "/style.css")) {
      String csp = get(path).headers().firstValue("content-security-policy").orElse("");
      assertThat(csp).as(path).contains("default-src 'none'").doesNotContain("script-src").doesNotContain("unsafe");
    }
  }

  @Test
  void shouldFindArticlesByTheirWordsAndRankTheMostRevised() throws Exception {
    Document found = page("/search?q=officials+calm", 200);
    assertThat(found.select("table.articles a").eachText()).containsExactly("Storm batters <coast>");
    assertThat(page("/search?q=unicorns", 200).select("table.articles")).isEmpty();
    Document revised = page("/most-revised?period=7d", 200);
    assertThat(revised.select("table.articles tbody tr")).hasSize(1);
    assertThat(revised.select("table.articles tbody td").get(1).text()).isEqualTo("1");
    assertThat(page("/most-revised?period=1h", 200).select("table.articles")).isEmpty();
  }

  @Test
  void shouldServeValidAtomWithOneEntryPerChangeAndAStableId() throws Exception {
    for (String path : List.of("/atom", "/atom?id=" + enc(ARTICLE))) {
      HttpResponse<String> atom = get(path);
      assertThat(atom.statusCode()).isEqualTo(200);
      assertThat(atom.headers().firstValue("content-type").map(t -> t.replace(" ", ""))).contains("application/atom+xml;charset=utf-8");
      assertThat(atom.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
      SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
      assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
      assertThat(feed.getUri()).startsWith("tag:newsdelta,2026:");
      assertThat(feed.getEntries()).hasSize(1);
      SyndEntry entry = feed.getEntries().get(0);
      assertThat(entry.getUri()).isEqualTo("tag:newsdelta,2026:" + enc("change:" + change.changeId()));
      assertThat(entry.getTitle()).isEqualTo("Version 1 → 2: Storm batters <coast>");
      assertThat(entry.getLink()).endsWith("/diff?id=" + enc(ARTICLE) + "&from=1&to=2");
      assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(change.toObservedAt());
      Document content = Jsoup.parse(entry.getContents().get(0).getValue());
      assertThat(content.select("del").eachText()).contains("Ten", "hits coast");
      assertThat(content.select("ins").eachText()).contains("Twelve");
      assertThat(content.select("script")).isEmpty();
    }
    // The same change keeps its id in every feed it appears in.
    assertThat(get("/atom").body()).contains(enc("change:" + change.changeId()));
    SyndFeed none = new SyndFeedInput().build(new StringReader(get("/atom?feed=" + enc("https://other.example/rss")).body()));
    assertThat(none.getEntries()).isEmpty();
  }

  @Test
  void shouldServeTheSameDataAsPaginatedJsonDescribedByOpenApi() throws Exception {
    HttpResponse<String> api = get("/api/articles?size=1");
    assertThat(api.headers().firstValue("content-type").map(t -> t.replace(" ", ""))).contains("application/json;charset=utf-8");
    var page = Json.mapper().readTree(api.body());
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("more").asBoolean()).isTrue();
    assertThat(get("/api/articles?size=1&page=2").body()).contains("\"more\":false");
    var article = Json.mapper().readTree(get("/api/article?id=" + enc(ARTICLE)).body());
    assertThat(article.get("article").get("versions").asInt()).isEqualTo(2);
    assertThat(article.get("changes").get(0).get("summary").asText()).isEqualTo(change.summary());
    var diff = Json.mapper().readTree(get("/api/diff?id=" + enc(ARTICLE) + "&from=1&to=2").body());
    assertThat(diff.get("elapsed").asText()).isEqualTo("40 minutes later");
    assertThat(get("/api/version?id=" + enc(ARTICLE) + "&version=7").statusCode()).isEqualTo(404);
    var openapi = Json.mapper().readTree(get("/openapi.json").body());
    assertThat(openapi.get("openapi").asText()).startsWith("3.");
    assertThat(openapi.get("paths").has("/api/articles")).isTrue();
  }

  @Test
  void shouldServeTheAsyncApiDocumentWhenTheBuildHasItAndSaySoWhenNot() throws Exception {
    HttpResponse<String> asyncapi = get("/asyncapi.json");
    if (PagesIT.class.getResource("/io/newsdelta/events/asyncapi.json") != null) {
      assertThat(asyncapi.statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(asyncapi.body()).has("asyncapi")).isTrue();
    } else {
      assertThat(asyncapi.statusCode()).isEqualTo(404);
      assertThat(asyncapi.body()).contains("asyncapi.json is missing");
    }
  }

  @Test
  void shouldAnswerLivenessAndReadinessWhileTheStoreAnswers() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").body()).isEqualTo("ready\n");
    assertThat(get("/healthz").body()).isEqualTo("ok");
  }
}
