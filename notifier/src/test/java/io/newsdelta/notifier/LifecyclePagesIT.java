package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.diffworker.version.ArticleText;
import io.newsdelta.diffworker.version.Lifecycles;
import io.newsdelta.diffworker.version.Observation;
import io.newsdelta.diffworker.version.Versioner;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
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
import org.junit.jupiter.api.Test;

/**
 * A removal and a restoration, made by the diff worker's own {@link Lifecycles}, through a real broker into the
 * notifier's store: the home page, the article page and the Atom feed show them with their kind.
 */
class LifecyclePagesIT {
  private static final String ARTICLE = "https://news.example/world/storm-gone";
  private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldShowARemovalAndARestorationWithTheirKindOnThePagesAndInTheFeed() throws Exception {
    Observation v1 = Versioner.observe(null, ARTICLE, ARTICLE, T0,
        new ArticleText("Storm hits coast", null, null, List.of("Residents were told to stay indoors.")));
    Observation removed = Lifecycles.observe(v1.state(), event(RawVersion.LifecycleKind.REMOVED, 410, "410 Gone", 60));
    Observation restored =
        Lifecycles.observe(removed.state(), event(RawVersion.LifecycleKind.RESTORED, 200, "200 OK", 90));
    ArticleChange gone = removed.change();
    ArticleChange back = restored.change();
    try (TestBroker broker = TestBroker.start()) {
      Fixtures.createTopics(broker.bootstrapServers());
      try (Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
        producer.send(v1.version());
        producer.send(gone);
        producer.send(back);
      }
      Path db = Files.createTempDirectory("lifecycle-pages-it").resolve("history.db");
      try (NotifierService notifier = Fixtures.notifier(Fixtures.config(1, Duration.ZERO),
          new HistoryConfig("jdbc:sqlite:" + db), broker.bootstrapServers())) {
        notifier.start();
        String base = "http://127.0.0.1:" + notifier.httpPort();
        await().atMost(Duration.ofSeconds(90)).until(() -> get(base, "/api/changes").contains(back.changeId()));

        Document index = Jsoup.parse(get(base, "/"));
        assertThat(index.select("ul.changes li .flag").eachText()).containsExactly("restored", "removed");
        assertThat(index.select("ul.changes li > a").eachAttr("href")).containsOnly("/article?id=" + enc(ARTICLE));
        assertThat(index.select("ul.changes li small").eachText())
            .containsExactly("Article restored", "Article removed (410 Gone)");

        Document article = Jsoup.parse(get(base, "/article?id=" + enc(ARTICLE)));
        assertThat(article.select("ol.lifecycle li .flag").eachText()).containsExactly("removed", "restored");
        assertThat(article.select("ol.timeline li")).hasSize(1);

        SyndFeed feed = new SyndFeedInput().build(new StringReader(get(base, "/atom?id=" + enc(ARTICLE))));
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
            .containsExactly("Restored: Storm hits coast", "Removed: Storm hits coast");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink)
            .containsOnly(base + "/article?id=" + enc(ARTICLE));
        assertThat(get(base, "/api/changes")).contains("\"kind\":\"removed\"", "\"kind\":\"restored\"");
      }
    }
  }

  private static RawVersion event(RawVersion.LifecycleKind kind, int status, String reason, int minutes) {
    return new RawVersion(ARTICLE, ARTICLE, "https://news.example/rss", T0.plusSeconds(60L * minutes), status, null,
        Hashes.sha256(""), "", new RawVersion.Lifecycle(kind, T0.plusSeconds(1800), 2, null, reason));
  }

  private static String get(String base, String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
