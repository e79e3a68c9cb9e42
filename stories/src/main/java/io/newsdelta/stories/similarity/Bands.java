package io.newsdelta.stories.similarity;

import java.util.ArrayList;
import java.util.List;

/**
 * LSH band keys of a signature: articles that share a key become candidates and are compared on their whole
 * signatures. A band here is one component ({@code rows = 1}): two outlets telling one story in their own words
 * share only 5–10% of their shingles, and with {@value #BANDS} one-row bands such a pair shares at least one key
 * with probability {@code 1 - (1 - J)^64} (0.99 at J = 0.07), where bands of two rows would find it one time in
 * four. The cost is {@value #BANDS} keys per article, each a record through the band repartition topic.
 */
public final class Bands {
  /** Band keys per article: the first {@value} components of the signature. */
  public static final int BANDS = 64;

  private Bands() {}

  /** The band keys, {@code "<band>:<value in hex>"}, one per band. */
  public static List<String> keys(Signature signature) {
    int[] c = signature.components();
    List<String> keys = new ArrayList<>(BANDS);
    for (int i = 0; i < BANDS; i++) {
      keys.add(i + ":" + Integer.toHexString(c[i]));
    }
    return keys;
  }

  /** The probability that a pair with Jaccard similarity {@code j} shares at least one band key. */
  public static double candidateProbability(double j) {
    return 1 - Math.pow(1 - j, BANDS);
  }
}
