package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void shouldMapTypographicQuotesToAsciiQuotes() {
    assertThat(TextNormalizer.normalize("„Ja“, sagte er. “Yes” – ‘no’ «oui» it’s"))
        .isEqualTo("\"Ja\", sagte er. \"Yes\" - 'no' \"oui\" it's");
  }

  @Test
  void shouldMapDashesAndEllipsis() {
    assertThat(TextNormalizer.normalize("1990–2000 — well‐known − 5 …"))
        .isEqualTo("1990-2000 - well-known - 5 ...");
  }

  @Test
  void shouldRemoveZeroWidthCharactersAndSoftHyphens() {
    assertThat(TextNormalizer.normalize("Bundes\u00ADtags\u200Bwahl\u200D\uFEFF"))
        .isEqualTo("Bundestagswahl");
  }

  @Test
  void shouldCollapseAllKindsOfWhitespace() {
    assertThat(TextNormalizer.normalize("  a\u00A0\u00A0b\t\n c\u202Fd\u2009e  "))
        .isEqualTo("a b c d e");
  }

  @Test
  void shouldComposeToNfc() {
    assertThat(TextNormalizer.normalize("Mu\u0308nchen")).isEqualTo("M\u00FCnchen");
  }

  @Test
  void shouldGiveIdenticalBytesForDifferentRenderingsOfTheSameText() {
    assertThat(TextNormalizer.normalize("It’s 10 °C – “cold”\u00A0here…"))
        .isEqualTo(TextNormalizer.normalize("It's 10 °C - \"cold\" here..."));
  }

  @Test
  void shouldTreatAsSpaceExactlyWhatJavaCallsWhitespaceOrSpaceInAscii() {
    for (char c = 0; c < 0x80; c++) {
      assertThat(TextNormalizer.isSpace(c)).as("character %d", (int) c)
          .isEqualTo(Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
  }
}
