package io.newsdelta.stories.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word shingles of an article's text: every run of {@value #WORDS} consecutive normalised words, hashed to 64
 * bits. Five words are long enough that two stories on the same topic rarely share one by chance, and short
 * enough that a quote two outlets both print yields many.
 *
 * <p>Normalisation: NFKC, lower case, a word is a run of letters and digits; apostrophes inside a word are
 * dropped ({@code year's} = {@code years}), so typography does not split words.
 */
public final class Shingles {
  /** Words per shingle. */
  public static final int WORDS = 5;

  private Shingles() {}

  /** The normalised words of a text, in order. */
  public static List<String> words(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if ((cp == '\'' || cp == '\u2019') && word.length() > 0) {
        continue; // inside or at the end of a word: dropped, the word goes on
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /**
   * The distinct shingle hashes of the texts taken as one sequence of words (headline, standfirst and
   * paragraphs, in order), sorted.
   */
  public static long[] of(List<String> texts) {
    List<String> words = new ArrayList<>();
    for (String t : texts) {
      if (t != null) {
        words.addAll(words(t));
      }
    }
    if (words.size() < WORDS) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = fnv1a(words.get(i));
    }
    long[] out = new long[words.size() - WORDS + 1];
    for (int i = 0; i < out.length; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < WORDS; j++) {
        h = Mix.mix64(h ^ wordHashes[i + j]) + j;
      }
      out[i] = h;
    }
    return Arrays.stream(out).distinct().sorted().toArray();
  }

  private static long fnv1a(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
