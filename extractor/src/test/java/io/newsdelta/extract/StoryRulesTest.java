package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per general rule for finding the story and trimming it, on golden pages. */
class StoryRulesTest {

  private final ArticleExtractor extractor = ArticleExtractor.generic();

  @Test
  void shouldTakeTheStoryFromTheContainerItsContentSystemNames() {
    ExtractedArticle article = extractor.extract(Pages.utf8("cms-story.html"), "https://bayside.example/ferry");

    assertThat(article.method()).isEqualTo("named: div.entry-content");
    assertThat(article.title()).isEqualTo("Harbour ferry returns after winter repairs");
  }

  @Test
  void shouldKeepTheLeadPrintedInTheArticleHeader() {
    ExtractedArticle article = extractor.extract(Pages.utf8("cms-story.html"), "https://bayside.example/ferry");

    assertThat(article.paragraphs()).first().isEqualTo("The little ferry between the harbour and the"
        + " island is back in service from Saturday, two weeks later than planned.");
  }

  @Test
  void shouldDropRelatedPostsAndTheAuthorBoxHoweverMuchProseTheyHold() {
    String text = extractor.extract(Pages.utf8("cms-story.html"), "https://bayside.example/ferry").text();

    assertThat(text).doesNotContain("Related posts", "Island school", "old pier", "regatta", "Tom Baker",
        "Most read");
  }

  @Test
  void shouldTrimThePublishersNotesAfterTheStory() {
    ExtractedArticle article = extractor.extract(Pages.utf8("cms-story.html"), "https://bayside.example/ferry");

    assertThat(article.paragraphs()).hasSize(4).last().asString()
        .startsWith("\"We are sorry for the wait");
    assertThat(article.text()).doesNotContain("Follow the Bayside Courier", "Copyright");
  }

  @Test
  void shouldJoinEveryParagraphMarkedAsArticleBody() {
    ExtractedArticle article = extractor.extract(Pages.utf8("itemprop-per-paragraph.html"),
        "https://bergpost.example/seilbahn");

    assertThat(article.method()).isEqualTo("schema.org itemprop articleBody");
    assertThat(article.paragraphs()).hasSize(3);
    assertThat(article.paragraphs().get(0)).startsWith("Nach drei Wochen Stillstand");
    assertThat(article.paragraphs().get(2)).startsWith("Im Sommer sollen zudem");
    assertThat(article.text()).doesNotContain("Anzeige", "Startseite");
  }

  @Test
  void shouldTellANoteFromAStoryParagraphThatMentionsSubscribers() {
    assertThat(Edges.isNote("For the latest stories download the Courier apps for iOS and Android.")).isTrue();
    assertThat(Edges.isNote("Síguenos en Telegram, Instagram, Facebook y Twitter")).isTrue();
    assertThat(Edges.isNote("The streaming service lost 200,000 subscribers in the last quarter, its first"
        + " fall in ten years, and its shares dropped by a fifth in early trading on Wednesday as analysts"
        + " questioned whether the price rise in January had gone too far for households already squeezed"
        + " by energy bills, rents and the cost of food and transport across the country.")).isFalse();
    assertThat(Edges.isNote("The ferry runs every hour.")).isFalse();
  }
}
