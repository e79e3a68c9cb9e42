package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovesTest {
  private static final String A = "The minister resigned on Tuesday after a week of pressure.";
  private static final String B = "She had been in office for two years.";
  private static final String C = "Her deputy will take over until an election is held.";

  @Test
  void shouldShowAMovedParagraphAsAMoveNotAnEdit() {
    BodyDiff diff = BodyDiff.between(List.of(A, B, C), List.of(C, A, B));

    assertThat(diff.paragraphs()).filteredOn(ParagraphDiff::moved).hasSize(2);
    assertThat(diff.paragraphs()).noneMatch(p -> p.kind() == ParagraphDiff.Kind.CHANGED);
    assertThat(diff.stats().wordsAdded()).isZero();
    assertThat(diff.stats().wordsRemoved()).isZero();
    List<Hunk> hunks = Hunks.of(diff);
    assertThat(hunks).containsExactlyInAnyOrder(
        new Hunk(Hunk.Op.INSERT, "", C, true), new Hunk(Hunk.Op.DELETE, C, "", true));
  }

  @Test
  void shouldKeepAnEditBesideAMoveAsAnEdit() {
    String d = "The opposition called for a vote of confidence in the government.";
    BodyDiff diff = BodyDiff.between(List.of(d, A, B, C), List.of(A, B.replace("two", "three"), C, d));

    assertThat(Hunks.of(diff)).contains(new Hunk(Hunk.Op.REPLACE, "two", "three"));
    assertThat(Hunks.of(diff)).filteredOn(Hunk::moved).hasSize(2);
  }
}
