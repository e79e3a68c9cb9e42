package io.newsdelta.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Jetty site of the fetch load run, over loopback HTTP: each page on its own host, ETags, 304s, feeds. */
class FastSiteTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldServeEachArticleOnItsHostWithA304ForItsETagAndListItInItsFeed() throws Exception {
    FastSite.Config config = new FastSite.Config(2, 10, 3, Duration.ZERO, FastSite.Mode.STEADY, false, 8);
    try (FastSite site = FastSite.start(config)) {
      HttpResponse<String> page = get(site.articleUrl(4), null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).hasSize((int) site.pageLength(4)).contains("story-body");
      String etag = page.headers().firstValue("ETag").orElseThrow();
      assertThat(get(site.articleUrl(4), etag).statusCode()).isEqualTo(304);

      // article 4 lives on 127.0.0.2 only
      String otherHost = site.articleUrl(4).replace("127.0.0.2", "127.0.0.3");
      assertThat(get(otherHost, null).statusCode()).isEqualTo(404);

      HttpResponse<String> feed = get(site.feedUrl(1), null);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.body()).contains(site.articleUrl(1), site.articleUrl(9));
    }
  }

  @Test
  void shouldGiveEveryAnswerANewRevisionWhenChanging() throws Exception {
    FastSite.Config config = new FastSite.Config(1, 2, 1, Duration.ZERO, FastSite.Mode.CHANGING, false, 8);
    try (FastSite site = FastSite.start(config)) {
      HttpResponse<String> first = get(site.articleUrl(0), null);
      String etag = first.headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> second = get(site.articleUrl(0), etag);
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
      assertThat(second.body()).isNotEqualTo(first.body());
    }
  }

  @Test
  void shouldListInItsFeedsOnlyTheArticlesItServesWhenPagesAreHeavy() throws Exception {
    FastSite.Config config = new FastSite.Config(2, 12, 3, Duration.ZERO, FastSite.Mode.STEADY, true, 8);
    try (FastSite site = FastSite.start(config)) {
      String feed = get(site.feedUrl(0), null).body() + get(site.feedUrl(1), null).body();
      java.util.List<String> links = java.util.regex.Pattern.compile("<link>([^<]*/news/[^<]*)</link>")
          .matcher(feed).results().map(m -> m.group(1)).toList();
      assertThat(links).hasSize(12);
      for (String link : links) {
        assertThat(get(link, null).statusCode()).as(link).isEqualTo(200);
      }
    }
  }

  @Test
  void shouldTimeIngestsRequestsPerHostAndLeaveOthersOut() throws Exception {
    FastSite.Config config = new FastSite.Config(1, 4, 2, Duration.ZERO, FastSite.Mode.STEADY, false, 8);
    try (FastSite site = FastSite.start(config)) {
      // Host 2 (127.0.0.2) gets requests without ingest's User-Agent only (wrk's, a browser's): not timed.
      get(site.articleUrl(1), null);
      get(site.articleUrl(3), null);
      String agent = "newsdelta/0.1 (+https://github.com/newsdelta/newsdelta)";
      long before = System.nanoTime();
      send(site.articleUrl(0), agent); // host 1
      send(site.articleUrl(2), agent); // host 1 again, after the first was answered
      double elapsedMillis = (System.nanoTime() - before) / 1e6;

      for (SiteStats seen : site.politeness()) {
        assertThat(seen.hostsSeen()).isEqualTo(1);
        assertThat(seen.maxConcurrencyAnyHost()).isEqualTo(1);
        // Jetty's stamp is in whole milliseconds, so its gap may be a millisecond longer than the client saw.
        assertThat(seen.minGapMillisAnyHost()).isBetween(0.0, elapsedMillis + 1);
      }
    }
  }

  private void send(String url, String agent) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("User-Agent", agent).build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
