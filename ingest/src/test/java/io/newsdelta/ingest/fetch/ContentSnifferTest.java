package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSnifferTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "application/octet-stream, '  <!DOCTYPE html><html><body>x</body></html>'",
      "NULL, '<html lang=en><p>x'",
      "text/plain, '\n\t<HTML>\n<HEAD><TITLE>Story</TITLE>'",
      "text/plain; charset=iso-8859-1, '<!-- story --><p>x</p>'",
      "unknown/unknown, '<p>A paragraph</p>'",
      "application/octet-stream, '<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html>'"})
  void shouldTakeABodyThatStartsLikeHtmlAsHtmlWhateverTheVagueTypeSays(String type, String body) {
    assertThat(ContentSniffer.sniff(type, bytes(body)).html()).isTrue();
  }

  @Test
  void shouldTakeDeclaredHtmlAsHtmlWithoutLookingAtIt() {
    assertThat(ContentSniffer.sniff("text/html; charset=utf-8", bytes("Just words")).html()).isTrue();
  }

  @Test
  void shouldRefusePdfsImagesAndBinariesServedAsOctetStreamNamingWhatTheyAre() {
    assertThat(ContentSniffer.sniff("application/octet-stream", bytes("%PDF-1.7\n%...")))
        .isEqualTo(new ContentSniffer.Verdict(false, "application/pdf"));
    assertThat(ContentSniffer.sniff(null, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).type())
        .isEqualTo("image/png");
    assertThat(ContentSniffer.sniff(null, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).type())
        .isEqualTo("image/jpeg");
    assertThat(ContentSniffer.sniff("application/octet-stream", new byte[] {1, 2, 3, 'a'}))
        .isEqualTo(new ContentSniffer.Verdict(false, "application/octet-stream"));
  }

  @Test
  void shouldRefuseTextThatIsNotHtmlAndTypesThatAreDeclaredSomethingElse() {
    assertThat(ContentSniffer.sniff("text/plain", bytes("Dear reader, <b>this</b>"))).isEqualTo(
        new ContentSniffer.Verdict(false, "text/plain"));
    assertThat(ContentSniffer.sniff("application/pdf", bytes("<html>")).html()).isFalse();
    assertThat(ContentSniffer.sniff("image/png", bytes("<html>")).type()).isEqualTo("image/png");
  }

  @Test
  void shouldNotMistakeATagThatOnlyStartsLikeAnHtmlTagForOne() {
    assertThat(ContentSniffer.sniff(null, bytes("<abbr>x</abbr>")).html()).isFalse();
    assertThat(ContentSniffer.sniff(null, bytes("<p>x")).html()).isTrue();
  }

  @Test
  void shouldReadAUtf16PageWithItsByteOrderMark() {
    byte[] text = "<html><p>Ελλάδα</p>".getBytes(StandardCharsets.UTF_16LE);
    byte[] page = new byte[text.length + 2];
    page[0] = (byte) 0xFF;
    page[1] = (byte) 0xFE;
    System.arraycopy(text, 0, page, 2, text.length);

    assertThat(ContentSniffer.sniff("application/octet-stream", page).html()).isTrue();
  }
}
