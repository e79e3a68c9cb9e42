package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.stories.SeedTexts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The labelled set is well formed, and its pairs made only of seed texts (always here, unlike the corpus pages
 * that {@code io.newsdelta.bench.stories.StoriesEvaluation} reads) are decided as labelled, band keys included.
 */
class LabelledSetTest {
  private final MatchPolicy policy = MatchPolicy.withThreshold(MatchPolicy.DEFAULT_THRESHOLD);

  @Test
  void shouldDecideTheSeedPairsAsLabelled() {
    List<String[]> rows = SeedTexts.resource("/labelled/pairs.tsv").stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("label\t")).map(l -> l.split("\t", -1)).toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(20).allSatisfy(r -> {
      assertThat(r).hasSize(7);
      assertThat(r[0]).isIn("same", "different");
      assertThat(r[2] + r[4]).matches("(seed:|corpus:).*(seed:|corpus:).*");
    });
    List<String[]> seedPairs = rows.stream().filter(r -> r[2].startsWith("seed:") && r[4].startsWith("seed:")).toList();
    assertThat(seedPairs).hasSizeGreaterThanOrEqualTo(4);
    for (String[] r : seedPairs) {
      Signature a = sig(r[2]);
      Signature b = sig(r[4]);
      boolean grouped = shareBand(a, b)
          && policy.sameStory(a.similarity(b), Outlets.of(r[3]).equals(Outlets.of(r[5])));
      assertThat(grouped).as(String.join(" ", r)).isEqualTo(r[0].equals("same"));
    }
  }

  private static Signature sig(String ref) {
    return MinHash.signature(Shingles.of(SeedTexts.lines(ref.substring("seed:".length()))));
  }

  private static boolean shareBand(Signature a, Signature b) {
    Set<String> keys = new HashSet<>(Bands.keys(a));
    return Bands.keys(b).stream().anyMatch(keys::contains);
  }
}
