package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void shouldStripTheSiteNameSuffix() {
    assertThat(Titles.clean("Rates rise again - Example News", "Example News", null))
        .isEqualTo("Rates rise again");
    assertThat(Titles.clean("Stadtwerke erhöhen Strompreise | Nordkurier", null, null))
        .isEqualTo("Stadtwerke erhöhen Strompreise");
  }

  @Test
  void shouldStripASiteNamePrefix() {
    assertThat(Titles.clean("Example News: Rates rise again", "Example News", null))
        .isEqualTo("Rates rise again");
  }

  @Test
  void shouldKeepATitleWhoseSeparatorIsPartOfTheHeadline() {
    assertThat(Titles.clean("Brexit - what happens next for trade", null, null))
        .isEqualTo("Brexit - what happens next for trade");
  }

  @Test
  void shouldPreferTheHeadlineWhenTheTitleStartsWithIt() {
    assertThat(Titles.clean("Council approves new tram line - Local - Gazette", null,
        "Council approves new tram line")).isEqualTo("Council approves new tram line");
  }
}
