package io.newsdelta.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.notifier.view.ArticleHistory;
import io.newsdelta.notifier.view.ArticleStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final String ID = "https://news.example/world/storm";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private static ArticleVersion version(int n, int minutes, String title, String... paragraphs) {
    return new ArticleVersion(ID, ID, n, T0.plusSeconds(60L * minutes), title, null, List.of(paragraphs), "sha" + n, null);
  }

  private static ArticleHistory history(ArticleVersion... versions) {
    ArticleStore store = new ArticleStore();
    for (ArticleVersion v : versions) {
      store.apply(v);
    }
    return store.article(ID).orElseThrow();
  }

  @Test
  void shouldListEachArticleWithItsVersionCountLastChangeAndLink() {
    ArticleStore store = new ArticleStore();
    store.apply(version(1, 0, "Storm hits coast", "p"));
    store.apply(version(2, 40, "Storm batters coast", "p"));

    String html = Pages.index(store.articles());

    assertThat(html)
        .contains("<a href=\"/article?id=https%3A%2F%2Fnews.example%2Fworld%2Fstorm\">Storm batters coast</a>")
        .contains("href=\"https://news.example/world/storm\"")
        .contains("<td>2</td>")
        .contains("<time datetime=\"2026-11-23T10:40:00Z\">2026-11-23 10:40 UTC</time>");
  }

  @Test
  void shouldEscapeHeadlinesAndUrlsFromTheFeeds() {
    ArticleStore store = new ArticleStore();
    store.apply(new ArticleVersion("https://x.example/\"><script>", "javascript:alert(1)", 1, T0,
        "<img src=x onerror=alert(1)> & co", null, List.of("<b>bold</b>"), "s", null));

    String index = Pages.index(store.articles());
    String article = Pages.article(store.article("https://x.example/\"><script>").orElseThrow());

    assertThat(index + article)
        .doesNotContain("<img", "<script>", "<b>", "href=\"javascript:")
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; co");
    assertThat(article).contains("&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void shouldShowEveryVersionAndTheWordDiffBetweenConsecutiveOnes() {
    String html =
        Pages.article(
            history(
                version(1, 0, "Storm hits coast", "Intro.", "Ten people were hurt in the town.", "Outro."),
                version(2, 40, "Storm batters coast", "Intro.", "Twelve people were hurt in the town.", "Outro.")));

    assertThat(html)
        .contains("<h1>Storm batters coast</h1>")
        .contains("Version 1 → Version 2 <small>(40 minutes later)</small>")
        .contains("<strong>Headline:</strong> Storm <del>hits</del> <ins>batters</ins> coast")
        .contains("<p class=\"changed\"><del>Ten</del> <ins>Twelve</ins> people were hurt in the town.</p>")
        .contains("<summary>1 unchanged paragraph</summary>\n<p>Intro.</p>")
        .contains("<td><time datetime=\"2026-11-23T10:00:00Z\">2026-11-23 10:00 UTC</time></td><td>Storm hits coast</td>");
  }

  @Test
  void shouldEscapeTheWordsInsideDelAndIns() {
    String html = Pages.article(history(version(1, 0, "T", "a <i>b</i>"), version(2, 5, "T", "a <u>c</u>")));

    assertThat(html).contains("<del>&lt;i&gt;b&lt;/i&gt;</del> <ins>&lt;u&gt;c&lt;/u&gt;</ins>");
  }

  @Test
  void shouldShowTheNewestChangeFirstWithTheChangeSummaryAndFlags() {
    ArticleStore store = new ArticleStore();
    store.apply(version(1, 0, "T", "one"));
    store.apply(version(2, 10, "T", "two"));
    store.apply(version(3, 70, "T", "one"));
    store.apply(new ArticleChange(ArticleChange.idOf(ID, 2, 3), ID, ID, "T", 2, 3, T0, T0, false, true, 1,
        List.of(), new ChangeStats(1, 1), "Reverted <to> version 1", "T"));

    String html = Pages.article(store.article(ID).orElseThrow());

    assertThat(html.indexOf("Version 2 → Version 3")).isLessThan(html.indexOf("Version 1 → Version 2"));
    assertThat(html)
        .contains("(1 hour later)")
        .contains("<span class=\"flag\">minor</span>")
        .contains("reverts to version 1")
        .contains("Reverted &lt;to&gt; version 1");
  }

  @Test
  void shouldSaySoWhenAnArticleHasNotChanged() {
    assertThat(Pages.article(history(version(1, 0, "T", "p")))).contains("No change since the article was first seen.");
  }

  @Test
  void shouldEscapeTheUnknownIdOnTheNotFoundPage() {
    assertThat(Pages.notFound("<script>x</script>")).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
  }
}
