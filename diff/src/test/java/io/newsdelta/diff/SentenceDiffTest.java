package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceDiffTest {
  private static final String A = "The minister resigned on Tuesday.";
  private static final String B = "She had been in office for two years.";
  private static final String C = "Her deputy will take over until an election.";
  private static final String D = "The opposition called for a vote of confidence.";

  @Test
  void shouldCountAddedDeletedEditedAndMovedSentences() {
    SentenceDiff d = SentenceDiff.between(
        List.of(A + " " + B, C, D),
        List.of(D, A + " She had been in office for almost three years.", "Markets fell.", "Shares dropped sharply."));

    assertThat(d).isEqualTo(new SentenceDiff(2, 1, 1, 1));
  }

  @Test
  void shouldSeeNoChangeWhenOnlyParagraphBreaksMoved() {
    assertThat(SentenceDiff.between(List.of(A + " " + B), List.of(A, B))).isEqualTo(new SentenceDiff(0, 0, 0, 0));
  }

  @Test
  void shouldSplitSentencesInsideAParagraph() {
    assertThat(SentenceDiff.sentences(List.of(A + "  " + B + " " + C))).containsExactly(A, B, C);
  }
}
