package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsdelta.stories.SeedTexts;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashTest {
  @Test
  void shouldEstimateTheJaccardSimilarityOfTwoSets() {
    // Sets of 1000 with 500 in common: Jaccard 1/3.
    long[] a = LongStream.range(0, 1000).map(i -> i * 7919).toArray();
    long[] b = LongStream.range(500, 1500).map(i -> i * 7919).toArray();
    assertThat(MinHash.signature(a).similarity(MinHash.signature(b))).isCloseTo(1.0 / 3, within(0.12));
  }

  @Test
  void shouldGiveOneForTheSameSetAndAboutZeroForDisjointSets() {
    long[] a = LongStream.range(0, 300).toArray();
    long[] b = LongStream.range(10_000, 10_300).toArray();
    assertThat(MinHash.signature(a).similarity(MinHash.signature(a.clone()))).isEqualTo(1.0);
    assertThat(MinHash.signature(a).similarity(MinHash.signature(b))).isLessThan(0.03);
  }

  @Test
  void shouldHaveNoSignatureForNoShingles() {
    assertThat(MinHash.signature(new long[0])).isNull();
  }

  @Test
  void shouldSurviveItsByteForm() {
    Signature s = MinHash.signature(Shingles.of(SeedTexts.lines("v5")));
    assertThat(Signature.fromBytes(s.toBytes())).isEqualTo(s);
    assertThat(s.components()).hasSize(MinHash.COMPONENTS);
  }

  @Test
  void shouldFindTheTwoOutletsCloserThanChanceAndTheTwoVersionsClosest() {
    Signature v4 = sig("v4");
    Signature v5 = sig("v5");
    Signature other = sig("other-outlet");
    double exact = exact(Shingles.of(SeedTexts.lines("v5")), Shingles.of(SeedTexts.lines("other-outlet")));
    assertThat(exact).isBetween(0.05, 0.12); // same quotes, other words
    assertThat(v5.similarity(other)).isCloseTo(exact, within(0.05));
    assertThat(v4.similarity(v5)).isGreaterThan(0.6);
  }

  private static Signature sig(String name) {
    return MinHash.signature(Shingles.of(SeedTexts.lines(name)));
  }

  private static double exact(long[] a, long[] b) {
    Set<Long> sa = new HashSet<>();
    for (long x : a) {
      sa.add(x);
    }
    int inter = 0;
    for (long y : b) {
      if (sa.contains(y)) {
        inter++;
      }
    }
    return (double) inter / (a.length + b.length - inter);
  }
}
