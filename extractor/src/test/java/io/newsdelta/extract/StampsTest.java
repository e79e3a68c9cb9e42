package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StampsTest {

  @Test
  void shouldTreatDateAndUpdateStampsAsBoilerplate() {
    assertThat(Stamps.isBoilerplate("31. Mai 2012")).isTrue();
    assertThat(Stamps.isBoilerplate("Stand: 14.11.2023, 16:45 Uhr")).isTrue();
    assertThat(Stamps.isBoilerplate("Last updated 5 minutes ago")).isTrue();
    assertThat(Stamps.isBoilerplate("Veröffentlicht am 3. März 2021")).isTrue();
    assertThat(Stamps.isBoilerplate("March 12, 2024")).isTrue();
  }

  @Test
  void shouldTreatButtonsPromptsAndCreditsAsBoilerplate() {
    assertThat(Stamps.isBoilerplate("Anzeige")).isTrue();
    assertThat(Stamps.isBoilerplate("42 Kommentare")).isTrue();
    assertThat(Stamps.isBoilerplate("Das könnte Sie auch interessieren")).isTrue();
    assertThat(Stamps.isBoilerplate("You might also like:")).isTrue();
    assertThat(Stamps.isBoilerplate("Foto: Sascha Klahn")).isTrue();
    assertThat(Stamps.isBoilerplate("AFP / MARCO BERTORELLO")).isTrue();
  }

  @Test
  void shouldKeepSentencesThatMerelyMentionADate() {
    assertThat(Stamps.isBoilerplate("Am 31. Mai 2012 stimmte der Stadtrat dem Plan zu.")).isFalse();
    assertThat(Stamps.isBoilerplate("The line opens on 12 March 2028, the council said on"
        + " Tuesday, after years of delays.")).isFalse();
    assertThat(Stamps.isBoilerplate("Construction to start next year")).isFalse();
  }
}
