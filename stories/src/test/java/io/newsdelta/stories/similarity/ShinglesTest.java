package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void shouldNormaliseCaseQuotesAndPunctuationIntoWords() {
    assertThat(Shingles.words("The Home Office’s plan: “Big Brother”, 12 months!"))
        .containsExactly("the", "home", "offices", "plan", "big", "brother", "12", "months");
  }

  @Test
  void shouldGiveTheSameShinglesForTheSameWordsWhateverTheTypography() {
    assertThat(Shingles.of(List.of("We must not allow ourselves to become a Big Brother society.")))
        .containsExactly(Shingles.of(List.of("we must NOT allow", "ourselves to become a big-brother society")));
  }

  @Test
  void shouldMakeOneShinglePerRunOfFiveWords() {
    assertThat(Shingles.of(List.of("one two three four five six seven"))).hasSize(3);
    assertThat(Shingles.of(List.of("one two three four"))).isEmpty();
  }

  @Test
  void shouldRunShinglesAcrossParagraphsAndCountRepeatsOnce() {
    assertThat(Shingles.of(List.of("a b c", "d e f"))).hasSize(2);
    assertThat(Shingles.of(List.of("a b c d e a b c d e"))).hasSize(5);
  }

  @Test
  void shouldTellWordOrderApart() {
    assertThat(Shingles.of(List.of("one two three four five")))
        .doesNotContain(Shingles.of(List.of("five four three two one")));
  }
}
