package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetTest {

  private static final String EXPECTED = "Die Straßenbahn fährt ab Montag wieder über die Brücke.";
  private final ArticleExtractor extractor = ArticleExtractor.generic();

  @Test
  void shouldUseTheMetaCharsetWhenTheHeaderHasNone() {
    ExtractedArticle article = extractor.extract(Pages.bytes("latin1-meta.html"), "text/html", "u");

    assertThat(article.title()).isEqualTo("Grüße aus Köln");
    assertThat(article.paragraphs().get(0)).startsWith(EXPECTED);
  }

  @Test
  void shouldPreferTheHeaderCharsetOverTheMetaTag() {
    byte[] utf8 = new String(Pages.bytes("latin1-meta.html"), StandardCharsets.ISO_8859_1)
        .getBytes(StandardCharsets.UTF_8);

    ExtractedArticle article = extractor.extract(utf8, "text/html; charset=UTF-8", "u");

    assertThat(article.paragraphs().get(0)).startsWith(EXPECTED);
  }

  @Test
  void shouldUseAByteOrderMarkBeforeTheMetaTag() {
    byte[] utf8 = new String(Pages.bytes("latin1-meta.html"), StandardCharsets.ISO_8859_1)
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);

    ExtractedArticle article = extractor.extract(withBom, null, "u");

    assertThat(article.paragraphs().get(0)).startsWith(EXPECTED);
  }

  @Test
  void shouldDefaultToUtf8() {
    String html = "<html><body><article><p>" + EXPECTED + " Mehr dazu später, sagte die"
        + " Sprecherin der Verkehrsbetriebe.</p></article></body></html>";

    ExtractedArticle article = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "u");

    assertThat(article.paragraphs().get(0)).startsWith(EXPECTED);
  }

  @Test
  void shouldRefuseAPageOverTheSizeLimit() {
    ExtractedArticle article = extractor.withMaxBytes(100).extract(new byte[150], null, "u");

    assertThat(article.paragraphs()).isEmpty();
    assertThat(article.emptyReason()).isEqualTo("page is 150 bytes, over the limit of 100");
  }
}
