package io.newsdelta.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void shouldNormaliseSchemeHostFragmentAndTrackingParameters() {
    assertThat(ArticleIds.of("HTTPS://News.Example.COM:443/uk/politics?utm_source=rss&id=7&fbclid=x#comments"))
        .isEqualTo("https://news.example.com/uk/politics?id=7");
  }

  @Test
  void shouldGiveTheSameIdToTheSameArticleFromTwoFeeds() {
    assertThat(ArticleIds.of("http://news.example/a?utm_medium=feed"))
        .isEqualTo(ArticleIds.of("http://NEWS.example:80/a#top"));
  }

  @Test
  void shouldKeepThePathCase() {
    assertThat(ArticleIds.of("https://x.example/News/A")).isEqualTo("https://x.example/News/A");
  }

  @Test
  void shouldRejectWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> ArticleIds.of("mailto:a@b.c")).isInstanceOf(IllegalArgumentException.class);
  }
}
