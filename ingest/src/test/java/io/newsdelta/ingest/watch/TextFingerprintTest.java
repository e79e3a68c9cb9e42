package io.newsdelta.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.extract.ArticleExtractor;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {
  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.generic();
  private static final String BODY =
      "<p>The minister resigned on Saturday after a week of pressure from her own party over the budget.</p>"
          + "<p>Her deputy takes over until a successor is chosen by the party conference in the spring.</p>";

  private static String page(String stamp, String ad, String body) {
    return "<!doctype html><html><head><title>Minister resigns</title></head><body>"
        + "<header><nav><a href=/>Home</a></nav><p class=stamp>Updated " + stamp + "</p></header>"
        + "<aside class=ad>" + ad + "</aside><article><h1>Minister resigns</h1>" + body + "</article>"
        + "<footer>request " + stamp.hashCode() + "</footer></body></html>";
  }

  private static String fingerprint(String html) {
    return TextFingerprint.of(EXTRACTOR.extract(html, "https://news.example/a"), "bytes-" + html.hashCode());
  }

  @Test
  void shouldGiveTheSameFingerprintToReRendersThatDifferOnlyInBoilerplate() {
    assertThat(fingerprint(page("10:00", "Buy shoes", BODY))).isEqualTo(fingerprint(page("10:05", "Buy hats", BODY)));
  }

  @Test
  void shouldChangeTheFingerprintWhenTheArticleTextChanges() {
    assertThat(fingerprint(page("10:00", "Buy shoes", BODY)))
        .isNotEqualTo(fingerprint(page("10:00", "Buy shoes", BODY.replace("Saturday", "Friday"))));
  }

  @Test
  void shouldFallBackToTheBytesWhenThePageHasNoArticleText() {
    String a = "<html><body><p>Short.</p></body></html>";
    String b = "<html><body><p>Short!</p></body></html>";

    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
  }
}
