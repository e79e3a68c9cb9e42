package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.extract.CharsetSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How ingest turns page bytes into the text of a raw version: the extractor's {@link CharsetSniffer}, the one decoder
 * of the project (the worker reads pages with it too).
 */
class PageDecodingTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void shouldUseTheCharsetOfTheContentTypeHeaderFirst() {
    byte[] latin1 = "<p>Café – “quoted”</p>".getBytes(WINDOWS_1252);

    assertThat(CharsetSniffer.decode(latin1, "text/html; charset=windows-1252")).isEqualTo("<p>Café – “quoted”</p>");
  }

  @Test
  void shouldPreferTheHeaderOverAMetaTagThatDisagrees() {
    byte[] utf8 = "<meta charset=\"iso-8859-1\"><p>Zoë</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(utf8, "text/html;charset=\"UTF-8\"")).contains("<p>Zoë</p>");
  }

  @Test
  void shouldUseAByteOrderMarkWhenTheHeaderNamesNoCharsetAndDropTheMark() {
    byte[] text = "<p>Ελλάδα</p>".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withBom, 2, text.length);

    assertThat(CharsetSniffer.decode(withBom, "text/html")).isEqualTo("<p>Ελλάδα</p>");
  }

  @Test
  void shouldDropAUtf8ByteOrderMark() {
    byte[] withBom = ("\uFEFF<p>naïve</p>").getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(withBom, null)).isEqualTo("<p>naïve</p>");
  }

  @Test
  void shouldSniffAnHttpEquivMetaTagAndReadLatin1AsWindows1252() throws IOException {
    byte[] page = resource("/pages/article-meta-latin1.html");

    assertThat(CharsetSniffer.decode(page, "text/html")).contains("<p>Café</p>");
  }

  @Test
  void shouldSniffAMetaCharsetTag() {
    byte[] page = "<!doctype html><html><head><meta charset=windows-1251><title>Новости</title>"
        .getBytes(Charset.forName("windows-1251"));

    assertThat(CharsetSniffer.decode(page, null)).contains("<title>Новости</title>");
  }

  @Test
  void shouldFallBackToUtf8WhenNothingSaysOtherwise() {
    byte[] page = "<p>日本語のニュース</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(page, "text/html")).isEqualTo("<p>日本語のニュース</p>");
  }

  @Test
  void shouldSkipACharsetJavaDoesNotKnow() {
    byte[] page = "<meta charset=\"utf-8\"><p>Zoë</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(page, "text/html; charset=x-no-such-charset")).endsWith("<p>Zoë</p>");
  }

  @Test
  void shouldReplaceMalformedBytesRatherThanFail() {
    byte[] broken = {'<', 'p', '>', (byte) 0xC3, '<', '/', 'p', '>'};

    assertThat(CharsetSniffer.decode(broken, "text/html; charset=utf-8")).isEqualTo("<p>\uFFFD</p>");
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = PageDecodingTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
