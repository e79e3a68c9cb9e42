package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile and broken input never makes the extractor throw: random bytes, random markup and golden
 * pages cut or spliced at random places always give an article or an empty result with a reason.
 */
class ExtractionPropertiesTest {

  private static final String[] PIECES = {"<div>", "</div>", "<p>", "</p>", "<article>",
      "</article>", "<br>", "<a href='x'>", "</a>", "<table><tr><td>", "</td></tr></table>",
      "<script>", "</script>", "<meta charset='utf-16'>", "<h1>", "</h1>", "<!--", "-->",
      "<div class=\"entry-content\">", "<p class=\"lead\">", "<ul><li>", "</li></ul>", "&amp;",
      "&#0;", "&#xD800;", "\u0000", "\uFEFF", "<", ">", "\"", "'", "itemprop=articleBody",
      "<script type='application/ld+json'>{\"articleBody\": \"x", "Die Brücke bleibt gesperrt, sagte sie. ",
      "Follow us on Twitter. ", "Copyright 2024. "};

  private final ArticleExtractor extractor = ArticleExtractor.generic();

  @Property(tries = 300)
  void shouldNeverThrowOnRandomBytes(@ForAll byte[] body) {
    assertWellFormed(extractor.extract(body, null, "https://x.example/a"));
  }

  @Property(tries = 300)
  void shouldNeverThrowOnRandomMarkup(@ForAll("markup") String html) {
    assertWellFormed(extractor.extract(html, "https://x.example/a"));
  }

  @Property(tries = 200)
  void shouldNeverThrowOnAGoldenPageCutAndSplicedAnywhere(@ForAll("pages") String page,
      @ForAll @IntRange(min = 0, max = 100_000) int cut, @ForAll("markup") String splice) {
    int at = Math.min(cut, page.length());
    String mutated = page.substring(0, at) + splice + page.substring(at / 2);
    assertWellFormed(extractor.extract(mutated.getBytes(StandardCharsets.UTF_8), null, "u"));
  }

  @Provide
  Arbitrary<String> markup() {
    return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> pages() {
    return Arbitraries.of("news-page.html", "no-article-tag.html", "jsonld-body.html", "cms-story.html",
        "itemprop-per-paragraph.html").map(Pages::utf8);
  }

  private static void assertWellFormed(ExtractedArticle article) {
    assertThat(article).isNotNull();
    if (article.paragraphs().isEmpty()) {
      assertThat(article.emptyReason()).isNotBlank();
    } else {
      assertThat(article.emptyReason()).isNull();
      assertThat(article.paragraphs()).allSatisfy(p -> assertThat(p).isNotBlank().isEqualTo(TextNormalizer.normalize(p)));
    }
  }
}
