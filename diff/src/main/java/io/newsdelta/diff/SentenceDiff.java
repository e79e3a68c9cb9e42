package io.newsdelta.diff;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sentence-level edit typing in the manner of NewsEdits (Spangher et al., 2022): the sentences of two bodies
 * are matched, and each is kept, moved (the same sentence, out of its old order), edited (a rewritten
 * sentence that keeps at least {@value #EDITED_SIMILARITY} of its words), added or deleted.
 *
 * @param added sentences only in the new body
 * @param deleted sentences only in the old body
 * @param edited old sentences rewritten into a similar new one
 * @param moved sentences in both bodies whose order relative to the others changed
 */
public record SentenceDiff(int added, int deleted, int edited, int moved) {
  /** Dice similarity of the word sets at or above which a new sentence is an edit of an old one. */
  static final double EDITED_SIMILARITY = 0.5;

  /** Compares two bodies, sentence by sentence (sentences split with the JDK's sentence rules). */
  public static SentenceDiff between(List<String> oldParagraphs, List<String> newParagraphs) {
    List<String> olds = sentences(oldParagraphs);
    List<String> news = sentences(newParagraphs);
    Map<String, List<Integer>> oldAt = new HashMap<>();
    for (int i = 0; i < olds.size(); i++) {
      oldAt.computeIfAbsent(olds.get(i), k -> new ArrayList<>()).add(i);
    }
    boolean[] oldMatched = new boolean[olds.size()];
    boolean[] newMatched = new boolean[news.size()];
    List<Integer> oldOrderOfNew = new ArrayList<>();
    for (int j = 0; j < news.size(); j++) {
      List<Integer> at = oldAt.get(news.get(j));
      if (at != null && !at.isEmpty()) {
        int i = at.remove(0);
        oldMatched[i] = true;
        newMatched[j] = true;
        oldOrderOfNew.add(i);
      }
    }
    int moved = oldOrderOfNew.size() - longestIncreasing(oldOrderOfNew);
    List<Set<String>> oldWords = new ArrayList<>();
    for (int i = 0; i < olds.size(); i++) {
      oldWords.add(oldMatched[i] ? Set.of() : wordSet(olds.get(i)));
    }
    int edited = 0;
    int added = 0;
    for (int j = 0; j < news.size(); j++) {
      if (newMatched[j]) {
        continue;
      }
      Set<String> words = wordSet(news.get(j));
      int best = -1;
      double bestScore = EDITED_SIMILARITY;
      for (int i = 0; i < olds.size(); i++) {
        if (!oldMatched[i]) {
          double score = dice(words, oldWords.get(i));
          if (score >= bestScore) {
            best = i;
            bestScore = score;
          }
        }
      }
      if (best >= 0) {
        oldMatched[best] = true;
        edited++;
      } else {
        added++;
      }
    }
    int deleted = 0;
    for (boolean m : oldMatched) {
      deleted += m ? 0 : 1;
    }
    return new SentenceDiff(added, deleted, edited, moved);
  }

  /** The sentences of a body in reading order, spacing normalised. */
  public static List<String> sentences(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (String p : paragraphs) {
      it.setText(p);
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = String.join(" ", WordDiff.words(p.substring(start, end)));
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static Set<String> wordSet(String sentence) {
    Set<String> words = new HashSet<>();
    for (String w : WordDiff.words(sentence)) {
      words.add(w.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", ""));
    }
    words.remove("");
    return words;
  }

  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : a) {
      common += b.contains(w) ? 1 : 0;
    }
    return 2.0 * common / (a.size() + b.size());
  }

  /** Length of the longest strictly increasing subsequence (patience sorting): the sentences kept in order. */
  private static int longestIncreasing(List<Integer> values) {
    int[] tails = new int[values.size()];
    int length = 0;
    for (int v : values) {
      int pos = Arrays.binarySearch(tails, 0, length, v);
      pos = pos < 0 ? -pos - 1 : pos;
      tails[pos] = v;
      length = Math.max(length, pos + 1);
    }
    return length;
  }
}
