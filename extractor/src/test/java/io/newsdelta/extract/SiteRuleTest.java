package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.config.SiteRule;
import io.newsdelta.events.RawVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRuleTest {

  private final ArticleExtractor extractor = ArticleExtractor.withRules(List.of(new SiteRule(
      "riverside-gazette.example", ".article__body", ".article__headline", List.of("blockquote"))));

  @Test
  void shouldNameTheRulesInTheExtractorsIdentitySoTextsOfOtherRulesAreNotTaken() {
    SiteRule rule = new SiteRule("riverside-gazette.example", ".article__body", ".article__headline",
        List.of("blockquote"));

    assertThat(ArticleExtractor.generic().identity()).isEqualTo(ExtractorVersion.CURRENT);
    assertThat(extractor.identity()).startsWith(ExtractorVersion.CURRENT + "+rules:")
        .isEqualTo(ArticleExtractor.withRules(List.of(rule)).identity())
        .isEqualTo(ArticleExtractor.withRules(List.of(rule)).withMaxBytes(1024).identity())
        .isNotEqualTo(ArticleExtractor.withRules(List.of(new SiteRule(
            "riverside-gazette.example", ".article__body", ".article__headline", List.of()))).identity());
  }

  @Test
  void shouldCarryAnExtractedArticleUnderItsExtractorsIdentity() {
    ExtractedArticle article = extractor.extract(Pages.utf8("news-page.html"),
        "https://www.riverside-gazette.example/news/tram");

    RawVersion.Text text = extractor.carried(article);

    assertThat(text).isEqualTo(new RawVersion.Text(extractor.identity(), "Council approves new tram line",
        article.standfirst(), article.byline(), article.paragraphs(), null));
    assertThat(text.paragraphs()).isNotEmpty();
  }

  @Test
  void shouldApplyARuleToItsHostAndSubdomains() {
    ExtractedArticle article = extractor.extract(Pages.utf8("news-page.html"),
        "https://www.riverside-gazette.example/news/tram");

    assertThat(article.method()).isEqualTo("site-rule:riverside-gazette.example");
    assertThat(article.title()).isEqualTo("Council approves new tram line");
    assertThat(article.text()).doesNotContain("most important decision");
    assertThat(article.paragraphs()).startsWith("The city council has voted to approve a £240m"
        + " tram line linking the central station with the university campus, ending a decade of"
        + " debate over the city's transport plans.");
  }

  @Test
  void shouldIgnoreARuleForAnotherHost() {
    ExtractedArticle article = extractor.extract(Pages.utf8("news-page.html"),
        "https://notriverside-gazette.example/news/tram");

    assertThat(article.method()).doesNotStartWith("site-rule");
    assertThat(article.text()).contains("most important decision");
  }
}
