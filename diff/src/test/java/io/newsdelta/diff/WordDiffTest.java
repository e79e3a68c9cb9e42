package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

  @Test
  void shouldMarkReplacedWordsAsDeletedThenInserted() {
    assertThat(WordDiff.between("The minister said no deal", "The minister said a deal was close"))
        .containsExactly(
            new Segment(Segment.Kind.EQUAL, "The minister said"),
            new Segment(Segment.Kind.DELETED, "no"),
            new Segment(Segment.Kind.INSERTED, "a"),
            new Segment(Segment.Kind.EQUAL, "deal"),
            new Segment(Segment.Kind.INSERTED, "was close"));
  }

  @Test
  void shouldIgnoreSpacingDifferences() {
    assertThat(WordDiff.between("two  words ", "two words")).containsExactly(new Segment(Segment.Kind.EQUAL, "two words"));
  }

  @Test
  void shouldTreatNullAsEmptyText() {
    assertThat(WordDiff.between(null, "new standfirst")).containsExactly(new Segment(Segment.Kind.INSERTED, "new standfirst"));
    assertThat(WordDiff.between(null, null)).isEmpty();
  }

  @Test
  void shouldMakeCloseEditsOneReadableEdit() {
    assertThat(WordDiff.readable("The minister said no deal", "The minister said a deal was close"))
        .containsExactly(
            new Segment(Segment.Kind.EQUAL, "The minister said"),
            new Segment(Segment.Kind.DELETED, "no deal"),
            new Segment(Segment.Kind.INSERTED, "a deal was close"));
  }

  @Test
  void shouldShowATextThatSharesAlmostNothingAsReplacedWhole() {
    assertThat(WordDiff.readable("Plans to track all e-mails are unveiled", "Companies are asked to record contacts"))
        .containsExactly(
            new Segment(Segment.Kind.DELETED, "Plans to track all e-mails are unveiled"),
            new Segment(Segment.Kind.INSERTED, "Companies are asked to record contacts"));
  }
}
