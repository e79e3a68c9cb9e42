package io.newsdelta.notifier.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private static ArticleVersion version(String id, int n, int minutes, String title) {
    return new ArticleVersion(id, id + "?src=feed", n, T0.plusSeconds(60L * minutes), title, null, List.of("p" + n), "sha", null);
  }

  private final ArticleStore store = new ArticleStore();

  @Test
  void shouldListArticlesMostRecentlyChangedFirstWithTheirVersionCount() {
    store.apply(version("https://a.example/1", 1, 0, "A one"));
    store.apply(version("https://b.example/2", 1, 5, "B one"));
    store.apply(version("https://a.example/1", 2, 10, "A two"));

    assertThat(store.articles())
        .containsExactly(
            new ArticleSummary("https://a.example/1", "https://a.example/1?src=feed", "A two", 2, T0, T0.plusSeconds(600)),
            new ArticleSummary("https://b.example/2", "https://b.example/2?src=feed", "B one", 1, T0.plusSeconds(300), T0.plusSeconds(300)));
  }

  @Test
  void shouldKeepVersionsInOrderWhateverOrderTheyArriveIn() {
    store.apply(version("a", 3, 20, "three"));
    store.apply(version("a", 1, 0, "one"));
    store.apply(version("a", 2, 10, "two"));

    assertThat(store.article("a").orElseThrow().versions()).extracting(ArticleVersion::version).containsExactly(1, 2, 3);
  }

  @Test
  void shouldIgnoreAVersionReplayedFromTheTopic() {
    store.apply(version("a", 1, 0, "one"));
    store.apply(version("a", 2, 10, "two"));
    store.apply(version("a", 2, 10, "two"));

    assertThat(store.article("a").orElseThrow().versions()).hasSize(2);
    assertThat(store.articles()).singleElement().extracting(ArticleSummary::versions).isEqualTo(2);
  }

  @Test
  void shouldFileChangesUnderTheirNewerVersion() {
    store.apply(version("a", 1, 0, "one"));
    store.apply(version("a", 2, 10, "two"));
    ArticleChange change =
        new ArticleChange(ArticleChange.idOf("a", 1, 2), "a", "a", "two", 1, 2, T0, T0.plusSeconds(600),
            true, false, null, List.of(), new ChangeStats(1, 1), "Headline changed", "one");
    store.apply(change);

    assertThat(store.article("a").orElseThrow().changeTo(2)).contains(change);
    assertThat(store.article("a").orElseThrow().changeTo(1)).isEmpty();
  }

  @Test
  void shouldNotListAnArticleKnownOnlyFromAChange() {
    store.apply(
        new ArticleChange("x#1-2", "x", "x", "t", 1, 2, T0, T0, false, false, null, List.of(), new ChangeStats(0, 0), "", null));

    assertThat(store.articles()).isEmpty();
    assertThat(store.article("x")).isEmpty();
    assertThat(store.article(null)).isEmpty();
    assertThat(store.size()).isZero();
  }
}
