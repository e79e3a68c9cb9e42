package io.newsdelta.stories.similarity;

/** The SplitMix64 finaliser: a fast 64-bit mixing function, so nearby inputs give unrelated outputs. */
final class Mix {
  private Mix() {}

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
