package io.newsdelta.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.state.ArticleState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleBookTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final String FEED_A = "https://news.example/a/rss";
  private static final String FEED_B = "https://news.example/b/rss";

  private final ArticleBook book = new ArticleBook();

  @Test
  void shouldTakeANewArticleOnlyFromAnOwnedFeed() {
    book.own(FEED_A);

    assertThat(book.discover(article("https://news.example/1", FEED_B))).isFalse();
    assertThat(book.discover(article("https://news.example/1", FEED_A))).isTrue();
    assertThat(book.mine("https://news.example/1")).isPresent();
    assertThat(book.known()).isEqualTo(1);
  }

  @Test
  void shouldKeepOneArticleWhenASecondFeedListsIt() {
    book.own(FEED_A);
    book.own(FEED_B);
    book.discover(article("https://news.example/1", FEED_A));

    assertThat(book.discover(article("https://news.example/1", FEED_B))).isFalse();
    assertThat(book.mine("https://news.example/1").orElseThrow().feedUrl()).isEqualTo(FEED_A);
  }

  @Test
  void shouldNotTakeForNewAnArticleAnotherInstanceFound() {
    book.merge(Map.of("https://news.example/1", article("https://news.example/1", FEED_B)));
    book.own(FEED_A);

    assertThat(book.discover(article("https://news.example/1", FEED_A))).isFalse();
    assertThat(book.mine("https://news.example/1")).isEmpty();
  }

  @Test
  void shouldScheduleTheArticlesOfAFeedWhenItIsOwnedAndUnscheduleThemWhenGivenUp() {
    ArticleState waiting = article("https://news.example/1", FEED_A);
    ArticleState finished = done(article("https://news.example/2", FEED_A));
    ArticleState other = article("https://news.example/3", FEED_B);
    assertThat(book.merge(Map.of("1", waiting, "2", finished, "3", other))).isEmpty();

    assertThat(book.own(FEED_A)).containsExactly(waiting);
    assertThat(book.own(FEED_A)).isEmpty();
    assertThat(book.mine()).isEqualTo(2);
    assertThat(book.disown(List.of(FEED_A, FEED_B))).containsExactlyInAnyOrder(waiting.articleId(), finished.articleId());
    assertThat(book.mine(waiting.articleId())).isEmpty();
    assertThat(book.known()).isEqualTo(3);
  }

  @Test
  void shouldKeepItsOwnStateOfAnArticleItOwnsAndTakeTheReadStateOfOthers() {
    book.own(FEED_A);
    ArticleState mine = article("https://news.example/1", FEED_A);
    book.discover(mine);
    ArticleState checked = mine.fetched(T0.plusSeconds(1), T0.plusSeconds(300), null);
    assertThat(book.update(checked)).isTrue();
    ArticleState theirs = article("https://news.example/2", FEED_B);

    List<ArticleState> toSchedule =
        book.merge(Map.of(mine.articleId(), mine, theirs.articleId(), theirs.fetched(T0, T0.plusSeconds(60), null)));

    assertThat(toSchedule).isEmpty();
    assertThat(book.mine(mine.articleId())).contains(checked);
    assertThat(book.own(FEED_B)).extracting(ArticleState::fetches).containsExactly(1);
  }

  @Test
  void shouldScheduleAReadArticleOfAnOwnedFeedItDidNotKnow() {
    book.own(FEED_A);
    ArticleState read = article("https://news.example/1", FEED_A);

    assertThat(book.merge(Map.of(read.articleId(), read))).containsExactly(read);
    assertThat(book.update(done(read))).isTrue();
    book.disown(List.of(FEED_A));
    assertThat(book.update(read)).isFalse();
  }

  private static ArticleState article(String url, String feed) {
    return ArticleState.discovered(url, url, feed, T0);
  }

  private static ArticleState done(ArticleState state) {
    return state.fetched(T0, null, null);
  }
}
