package io.newsdelta.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewsSiteTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private NewsSite site;

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
  }

  private NewsSite start(Boilerplate mode) {
    site = NewsSite.start(new SiteConfig(42, 2, 20, 5, mode, Duration.ZERO, 4));
    return site;
  }

  private HttpResponse<String> get(String url, String header, String value) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (header != null) {
      b.header(header, value);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer304ToAMatchingETagOrLastModifiedUntilTheArticleChanges() throws Exception {
    start(Boilerplate.ON_CHANGE);
    String url = site.articleUrl(3);
    HttpResponse<String> first = get(url, null, null);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(modified).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(url, "If-Modified-Since", modified).statusCode()).isEqualTo(304);

    site.newsroom().edit(3, EditKind.REWRITE, System.currentTimeMillis());
    assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(200);
    assertThat(get(url, "If-Modified-Since", modified).statusCode()).isEqualTo(200);
    assertThat(site.counters().snapshot().articleNotModified()).isEqualTo(2);
    assertThat(site.counters().snapshot().articleRequests()).isEqualTo(5);
  }

  @Test
  void shouldRerenderBoilerplateOnlyWhenToldAndKeepTheStory() throws Exception {
    start(Boilerplate.ON_CHANGE);
    String url = site.articleUrl(4);
    String a = get(url, null, null).body();
    String b = get(url, null, null).body();
    site.newsroom().rerender(4, System.currentTimeMillis());
    String c = get(url, null, null).body();

    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    Story story = Story.base(42, 4);
    assertThat(c).contains(story.headline()).contains(story.paragraphs().get(0));
    assertThat(a.length()).isBetween(50_000, 300_000);
  }

  @Test
  void shouldRerenderBoilerplateAtEveryRequestAndNeverAnswer304InThatMode() throws Exception {
    start(Boilerplate.EVERY_REQUEST);
    String url = site.articleUrl(5);
    HttpResponse<String> first = get(url, null, null);
    HttpResponse<String> second = get(url, "If-None-Match", first.headers().firstValue("ETag").orElseThrow());

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isNotEqualTo(first.body()).contains(Story.base(42, 5).paragraphs().get(1));
  }

  @Test
  void shouldServeEachArticleOnItsOwnLoopbackHostOnly() throws Exception {
    start(Boilerplate.ON_CHANGE);
    String url = site.articleUrl(6);
    String otherHost = url.replace("127.0.0." + site.urls().hostOf(6), "127.0.0." + (site.urls().hostOf(6) % 5 + 1));

    assertThat(url).startsWith("http://127.0.0.").contains("/news/article-6");
    assertThat(get(url, null, null).statusCode()).isEqualTo(200);
    assertThat(get(otherHost, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldListEveryArticleOfAFeedAndAnswer304ToItsETag() throws Exception {
    start(Boilerplate.ON_CHANGE);
    HttpResponse<String> feed = get(site.feedUrl(1), null, null);

    assertThat(feed.body()).contains(site.articleUrl(1), site.articleUrl(19)).doesNotContain(site.articleUrl(2) + "<");
    assertThat(get(site.feedUrl(1), "If-None-Match", feed.headers().firstValue("ETag").orElseThrow()).statusCode())
        .isEqualTo(304);
    assertThat(site.counters().snapshot().feedNotModified()).isEqualTo(1);
  }

  @Test
  void shouldCountConcurrencyAndGapsPerHost() throws Exception {
    start(Boilerplate.ON_CHANGE);
    get(site.articleUrl(0), null, null);
    get(site.articleUrl(0), null, null);
    SiteStats stats = site.counters().snapshot();

    assertThat(stats.hostsSeen()).isEqualTo(1);
    assertThat(stats.maxConcurrencyAnyHost()).isEqualTo(1);
    assertThat(stats.minGapMillisAnyHost()).isPositive();
  }
}
