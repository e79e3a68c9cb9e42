package io.newsdelta.stories.similarity;

/**
 * When a candidate is the same story: its estimated similarity reaches {@code threshold}, or, for two articles of
 * one outlet at different URLs, {@code sameOutletThreshold}. The second bar is much higher because an outlet's
 * follow-up to its own story reuses its background paragraphs word for word, which another outlet never does;
 * what passes it is the same text republished under a new URL.
 *
 * @param threshold the estimated Jaccard similarity from which two outlets' articles are one story
 * @param sameOutletThreshold the same for two articles of one outlet
 */
public record MatchPolicy(double threshold, double sameOutletThreshold) {
  /** The measured default (docs/benchmarks.md, "Stories"). */
  public static final double DEFAULT_THRESHOLD = 0.03;

  /** Same outlet, another URL: at least half the text in common. */
  public static final double DEFAULT_SAME_OUTLET_THRESHOLD = 0.5;

  /** The fewest distinct shingles a text must have to be grouped: shorter texts match by accident. */
  public static final int MIN_SHINGLES = 30;

  public MatchPolicy {
    if (!(threshold > 0 && threshold <= 1) || !(sameOutletThreshold > 0 && sameOutletThreshold <= 1)) {
      throw new IllegalArgumentException("thresholds are similarities in (0, 1]");
    }
  }

  public static MatchPolicy withThreshold(double threshold) {
    return new MatchPolicy(threshold, Math.max(threshold, DEFAULT_SAME_OUTLET_THRESHOLD));
  }

  /** Whether two different articles with this similarity are one story. */
  public boolean sameStory(double similarity, boolean sameOutlet) {
    return similarity >= (sameOutlet ? sameOutletThreshold : threshold);
  }

  /** Whether a text with this many shingles is long enough to group. */
  public boolean groupable(Signature signature) {
    return signature != null && signature.shingles() >= MIN_SHINGLES;
  }
}
