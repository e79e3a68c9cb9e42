package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.stories.SeedTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchPolicyTest {
  private final MatchPolicy policy = MatchPolicy.withThreshold(MatchPolicy.DEFAULT_THRESHOLD);

  @Test
  void shouldGroupTheSeedStoryAcrossOutlets() {
    assertThat(policy.sameStory(sig("v5").similarity(sig("other-outlet")), false)).isTrue();
    assertThat(policy.sameStory(sig("v4").similarity(sig("other-outlet")), false)).isTrue();
  }

  @Test
  void shouldNotGroupAnOutletsFollowUpWithItsFirstStory() {
    double similarity = sig("v5").similarity(sig("synthetic-bbc-follow-up"));
    assertThat(policy.sameStory(similarity, false)).as("from another outlet it would be one story").isTrue();
    assertThat(policy.sameStory(similarity, true)).isFalse();
  }

  @Test
  void shouldGroupTheSameTextUnderAnotherUrlOfTheSameOutlet() {
    assertThat(policy.sameStory(sig("v4").similarity(sig("v5")), true)).isTrue();
  }

  @Test
  void shouldRefuseTextsTooShortToCompare() {
    assertThat(policy.groupable(MinHash.signature(Shingles.of(List.of("Live: latest updates from Westminster")))))
        .isFalse();
    assertThat(policy.groupable(sig("other-outlet"))).isTrue();
  }

  @Test
  void shouldRefuseThresholdsThatAreNotSimilarities() {
    assertThatThrownBy(() -> new MatchPolicy(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MatchPolicy(0.1, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Signature sig(String name) {
    return MinHash.signature(Shingles.of(SeedTexts.lines(name)));
  }
}
