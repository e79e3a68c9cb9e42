package io.newsdelta.bench.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteUrlsTest {

  @Test
  void shouldSpreadConsecutiveArticlesAndFeedsOverTheHosts() {
    SiteUrls urls = new SiteUrls(3, 8080);
    assertThat(urls.article(0)).isEqualTo("http://127.0.0.1:8080/news/article-0");
    assertThat(urls.article(4)).isEqualTo("http://127.0.0.2:8080/news/article-4");
    assertThat(urls.feed(2)).isEqualTo("http://127.0.0.3:8080/rss/feed-2.xml");
    assertThat(urls.root(2)).isEqualTo("http://127.0.0.2:8080/");
  }

  @Test
  void shouldReadTheNumbersBackFromUrlsAndPaths() {
    SiteUrls urls = new SiteUrls(200, 1234);
    assertThat(SiteUrls.articleOf(urls.article(731))).isEqualTo(731);
    assertThat(SiteUrls.articleOf("/news/article-12")).isEqualTo(12);
    assertThat(SiteUrls.feedOf("/rss/feed-7.xml")).isEqualTo(7);
    assertThat(SiteUrls.articleOf("/news/article-x")).isEqualTo(-1);
    assertThat(SiteUrls.articleOf("https://elsewhere.example/story")).isEqualTo(-1);
    assertThat(SiteUrls.feedOf("/rss/feed-7.json")).isEqualTo(-1);
    assertThat(SiteUrls.feedOf("/news/article-7")).isEqualTo(-1);
  }

  @Test
  void shouldRefuseMoreHostsThanLoopbackAddresses() {
    assertThatThrownBy(() -> new SiteUrls(255, 80)).hasMessageContaining("1..254");
  }
}
