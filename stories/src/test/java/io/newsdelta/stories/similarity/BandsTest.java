package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.stories.SeedTexts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BandsTest {
  @Test
  void shouldGiveOneKeyPerBandNamedByBandAndValue() {
    List<String> keys = Bands.keys(MinHash.signature(Shingles.of(SeedTexts.lines("v5"))));
    assertThat(keys).hasSize(Bands.BANDS).doesNotHaveDuplicates();
    assertThat(keys.get(0)).startsWith("0:");
    assertThat(keys.get(63)).startsWith("63:");
  }

  @Test
  void shouldBringTheTwoOutletsTogetherAndNotTheOtherStory() {
    Set<String> bbc = new HashSet<>(Bands.keys(MinHash.signature(Shingles.of(SeedTexts.lines("v5")))));
    Set<String> other = new HashSet<>(Bands.keys(MinHash.signature(Shingles.of(SeedTexts.lines("other-outlet")))));
    Set<String> unrelated = new HashSet<>(Bands.keys(MinHash.signature(Shingles.of(List.of(
        "Die GEMA dreht völlig am Zeiger und die Clubs der Stadt sollen bald das Zehnfache zahlen, "
            + "sagt das Ministerium für Club-Kultur in einer Mitteilung an alle Mitglieder")))));
    assertThat(bbc).containsAnyElementsOf(other);
    assertThat(bbc).doesNotContainAnyElementsOf(unrelated);
  }

  @Test
  void shouldMakeCandidatesOfRetellingsAlmostSurely() {
    assertThat(Bands.candidateProbability(0.07)).isGreaterThan(0.98);
    assertThat(Bands.candidateProbability(0.0)).isZero();
  }
}
