package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class HunksTest {
  private static final String OLD_LEDE =
      "Ministers say the move is needed so police and the security services can investigate crime and terrorism.";
  private static final String NEW_LEDE =
      "Home Secretary Jacqui Smith ruled out creating a single database - but wants companies to hold and"
          + " organise the information for the security services.";
  private static final String UNCHANGED =
      "The consultation about the programme, which is to track details of when and where electronic"
          + " communications are made but not their content, has already been delayed.";

  private static List<Hunk> hunks(List<String> oldBody, List<String> newBody) {
    return Hunks.of(BodyDiff.between(oldBody, newBody));
  }

  @Test
  void shouldReportNothingForIdenticalBodies() {
    BodyDiff diff = BodyDiff.between(List.of("One two  three."), List.of("One two three."));

    assertThat(Hunks.of(diff)).isEmpty();
    assertThat(diff.stats().wordsAdded()).isZero();
    assertThat(diff.changedParagraphs()).isZero();
  }

  @Test
  void shouldShowOneReplacedWordAsOneReplaceHunkAndCountIt() {
    BodyDiff diff = BodyDiff.between(List.of("The minister said no today."), List.of("The minister said yes today."));

    assertThat(Hunks.of(diff)).containsExactly(new Hunk(Hunk.Op.REPLACE, "no", "yes"));
    assertThat(diff.stats().wordsAdded()).isEqualTo(1);
    assertThat(diff.stats().wordsRemoved()).isEqualTo(1);
  }

  @Test
  void shouldShowARewrittenSentenceAsOneOldAndOneNewSentence() {
    List<Hunk> hunks = hunks(List.of(OLD_LEDE, UNCHANGED), List.of(NEW_LEDE, UNCHANGED));

    assertThat(hunks).containsExactly(new Hunk(Hunk.Op.REPLACE, OLD_LEDE, NEW_LEDE));
  }

  @Test
  void shouldMergeEditsSeparatedByAFewUnchangedWords() {
    List<Hunk> hunks =
        hunks(
            List.of("Police said ten people were hurt in the blast on Monday night in the city centre."),
            List.of("Police said twelve people had been hurt in the blast on Monday night in the city centre."));

    assertThat(hunks).containsExactly(new Hunk(Hunk.Op.REPLACE, "ten people were", "twelve people had been"));
  }

  @Test
  void shouldShowInsertedAndDeletedParagraphs() {
    assertThat(hunks(List.of("First."), List.of("First.", "Second paragraph.", "Third.")))
        .containsExactly(new Hunk(Hunk.Op.INSERT, "", "Second paragraph.\nThird."));
    assertThat(hunks(List.of("First.", "Second paragraph."), List.of("First.")))
        .containsExactly(new Hunk(Hunk.Op.DELETE, "Second paragraph.", ""));
  }

  @Test
  void shouldNotMergeEditsAcrossAParagraphBreak() {
    assertThat(hunks(List.of("a b c d e", "f g h i j"), List.of("a b c d x", "y g h i j"))).hasSize(2);
  }

  @Test
  void shouldNotMarkLaterParagraphsEditedWhenOneIsAddedAtTheTop() {
    BodyDiff diff = BodyDiff.between(List.of(OLD_LEDE, UNCHANGED), List.of("Breaking: an update.", OLD_LEDE, UNCHANGED));

    assertThat(diff.changedParagraphs()).isEqualTo(1);
    assertThat(Hunks.of(diff)).containsExactly(new Hunk(Hunk.Op.INSERT, "", "Breaking: an update."));
  }
}
