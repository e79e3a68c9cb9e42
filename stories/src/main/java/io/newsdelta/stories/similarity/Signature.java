package io.newsdelta.stories.similarity;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash signature: {@link MinHash#COMPONENTS} 32-bit components and the number of distinct shingles it was
 * made of.
 *
 * @param components the minimum of each hash function
 * @param shingles how many distinct shingles the text had
 */
public record Signature(int[] components, int shingles) {
  public Signature {
    components = components.clone();
  }

  /**
   * The estimated Jaccard similarity of the two shingle sets: the share of components on which the signatures
   * agree.
   */
  public double similarity(Signature other) {
    if (other.components.length != components.length) {
      throw new IllegalArgumentException("signatures of different lengths do not compare");
    }
    int same = 0;
    for (int i = 0; i < components.length; i++) {
      if (components[i] == other.components[i]) {
        same++;
      }
    }
    return (double) same / components.length;
  }

  /** The components as bytes (big-endian), the form stored in band entries. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(4 + components.length * 4);
    b.putInt(shingles);
    for (int c : components) {
      b.putInt(c);
    }
    return b.array();
  }

  /** Reads {@link #toBytes()}. */
  public static Signature fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int shingles = b.getInt();
    int[] c = new int[(bytes.length - 4) / 4];
    for (int i = 0; i < c.length; i++) {
      c[i] = b.getInt();
    }
    return new Signature(c, shingles);
  }

  @Override
  public int[] components() {
    return components.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && s.shingles == shingles && Arrays.equals(s.components, components);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(components) + shingles;
  }

  @Override
  public String toString() {
    return "Signature[" + shingles + " shingles]";
  }
}
