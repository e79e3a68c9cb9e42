package io.newsdelta.diffworker.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.diffworker.SeedStory;
import io.newsdelta.events.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

  @Test
  void shouldReportNothingForIdenticalBodies() {
    WordDiff.Result result = WordDiff.diff(List.of("One two three."), List.of("One two three."));

    assertThat(result.hunks()).isEmpty();
    assertThat(result.stats().wordsAdded()).isZero();
  }

  @Test
  void shouldShowOneReplacedWordAsOneReplaceHunk() {
    WordDiff.Result result =
        WordDiff.diff(List.of("The minister said no today."), List.of("The minister said yes today."));

    assertThat(result.hunks()).containsExactly(new Hunk(Hunk.Op.REPLACE, "no", "yes"));
    assertThat(result.stats().wordsAdded()).isEqualTo(1);
    assertThat(result.stats().wordsRemoved()).isEqualTo(1);
  }

  @Test
  void shouldShowInsertedAndDeletedParagraphs() {
    WordDiff.Result inserted = WordDiff.diff(List.of("First."), List.of("First.", "Second paragraph."));
    WordDiff.Result deleted = WordDiff.diff(List.of("First.", "Second paragraph."), List.of("First."));

    assertThat(inserted.hunks()).extracting(Hunk::op).containsExactly(Hunk.Op.INSERT);
    assertThat(inserted.hunks().get(0).newText()).isEqualTo("Second paragraph.");
    assertThat(deleted.hunks()).extracting(Hunk::op).containsExactly(Hunk.Op.DELETE);
    assertThat(deleted.hunks().get(0).oldText()).isEqualTo("Second paragraph.");
  }

  @Test
  void shouldShowEachRewrittenSentenceOfTheSeedStoryAsOneReplaceHunk() {
    WordDiff.Result result =
        WordDiff.diff(SeedStory.version(4).paragraphs(), SeedStory.version(5).paragraphs());

    assertThat(result.hunks()).hasSize(4).allSatisfy(h -> assertThat(h.op()).isEqualTo(Hunk.Op.REPLACE));
    assertThat(result.hunks().get(1).oldText())
        .isEqualTo("Ministers say the move is needed so police and the security services can investigate crime and terrorism.");
    assertThat(result.hunks().get(1).newText())
        .startsWith("Home Secretary Jacqui Smith ruled out creating a single database");
    assertThat(result.hunks()).noneSatisfy(h -> assertThat(h.oldText()).contains("consultation"));
  }

  @Test
  void shouldNotMergeEditsAcrossAParagraphBreak() {
    WordDiff.Result result = WordDiff.diff(List.of("a b", "c d"), List.of("a x", "y d"));

    assertThat(result.hunks()).hasSize(2);
  }
}
