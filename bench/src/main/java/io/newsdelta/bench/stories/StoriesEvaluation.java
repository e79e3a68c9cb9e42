package io.newsdelta.bench.stories;

import io.newsdelta.bench.Corpus;
import io.newsdelta.stories.similarity.Bands;
import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.similarity.MinHash;
import io.newsdelta.stories.similarity.Outlets;
import io.newsdelta.stories.similarity.Shingles;
import io.newsdelta.stories.similarity.Signature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision and recall of the stories grouping on the labelled pairs
 * ({@code stories/src/test/resources/labelled/pairs.tsv}): a pair is grouped when both texts are long enough, they
 * share an LSH band key (the job compares nothing else) and {@link MatchPolicy} accepts their estimated
 * similarity, with the same-outlet bar when their outlets are one. Prints every pair, then P/R at the default
 * threshold and a few others; with {@code --all-pairs}, also every pair of corpus pages the job would group.
 *
 * <p>Usage: {@code java -cp ... io.newsdelta.bench.stories.StoriesEvaluation [PROJECT_DIR [CORPUS_DIR]]
 * [--all-pairs]}
 */
public final class StoriesEvaluation {
  private record Pair(boolean same, String kind, String a, String aUrl, String b, String bUrl, String note) {}

  private StoriesEvaluation() {}

  public static void main(String[] args) throws IOException {
    List<String> positional = new ArrayList<>();
    boolean allPairs = false;
    for (String a : args) {
      if (a.equals("--all-pairs")) {
        allPairs = true;
      } else {
        positional.add(a);
      }
    }
    Path project = Path.of(positional.size() > 0 ? positional.get(0) : ".");
    Path corpusDir = Path.of(positional.size() > 1 ? positional.get(1) : "../shared/corpus/trafilatura-eval");
    LabelledTexts texts = new LabelledTexts(project, corpusDir);
    List<Pair> pairs = read(project.resolve("stories/src/test/resources/labelled/pairs.tsv"));

    double[] thresholds = {0.02, MatchPolicy.DEFAULT_THRESHOLD, 0.04, 0.05, 0.1};
    int[][] counts = new int[thresholds.length][4]; // tp, fp, fn, tn
    System.out.printf("%-9s %-22s %6s %5s %6s %s%n", "label", "kind", "sim", "band", "group", "pair");
    for (Pair p : pairs) {
      Signature a = MinHash.signature(Shingles.of(texts.text(p.a())));
      Signature b = MinHash.signature(Shingles.of(texts.text(p.b())));
      boolean sameOutlet = Outlets.of(p.aUrl()).equals(Outlets.of(p.bUrl()));
      double sim = a == null || b == null ? 0 : a.similarity(b);
      boolean band = a != null && b != null && shareBand(a, b);
      for (int t = 0; t < thresholds.length; t++) {
        MatchPolicy policy = MatchPolicy.withThreshold(thresholds[t]);
        boolean grouped = band && policy.groupable(a) && policy.groupable(b) && policy.sameStory(sim, sameOutlet);
        counts[t][grouped ? (p.same() ? 0 : 1) : (p.same() ? 2 : 3)]++;
        if (thresholds[t] == MatchPolicy.DEFAULT_THRESHOLD) {
          System.out.printf("%-9s %-22s %6.3f %5s %6s %s | %s%n", p.same() ? "same" : "different", p.kind(), sim,
              band, grouped, shorten(p.a()), shorten(p.b()));
        }
      }
    }
    System.out.printf("%npairs: %d (%d same, %d different)%n", pairs.size(),
        pairs.stream().filter(Pair::same).count(), pairs.stream().filter(p -> !p.same()).count());
    for (int t = 0; t < thresholds.length; t++) {
      int[] c = counts[t];
      System.out.printf(Locale.ROOT, "threshold %.2f%s: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)%n",
          thresholds[t], thresholds[t] == MatchPolicy.DEFAULT_THRESHOLD ? " (default)" : "",
          c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]), (double) c[0] / Math.max(1, c[0] + c[2]),
          c[0], c[1], c[2], c[3]);
    }
    if (allPairs) {
      allPairs(texts, pairs);
    }
  }

  /** Every pair of corpus pages (and seeds) the job would group, to read by hand. */
  private static void allPairs(LabelledTexts texts, List<Pair> labelled) throws IOException {
    List<String> refs = new ArrayList<>();
    List<Signature> sigs = new ArrayList<>();
    MatchPolicy policy = MatchPolicy.withThreshold(MatchPolicy.DEFAULT_THRESHOLD);
    for (String seed : List.of("seed:v5", "seed:other-outlet", "seed:synthetic-bbc-follow-up")) {
      refs.add(seed);
      sigs.add(MinHash.signature(Shingles.of(texts.text(seed))));
    }
    for (Corpus.Page page : texts.corpus().values()) {
      Signature s = MinHash.signature(Shingles.of(texts.extract(page)));
      if (policy.groupable(s)) {
        refs.add("corpus:" + page.url());
        sigs.add(s);
      }
    }
    java.util.Map<String, String> urls = new java.util.HashMap<>();
    Set<String> known = new HashSet<>();
    labelled.forEach(p -> {
      urls.put(p.a(), p.aUrl());
      urls.put(p.b(), p.bUrl());
      known.add(p.a() + " " + p.b());
      known.add(p.b() + " " + p.a());
    });
    long compared = 0;
    int grouped = 0;
    for (int i = 0; i < sigs.size(); i++) {
      for (int j = i + 1; j < sigs.size(); j++) {
        compared++;
        double sim = sigs.get(i).similarity(sigs.get(j));
        boolean sameOutlet = Outlets.of(url(urls, refs.get(i))).equals(Outlets.of(url(urls, refs.get(j))));
        if (shareBand(sigs.get(i), sigs.get(j)) && policy.sameStory(sim, sameOutlet)) {
          grouped++;
          System.out.printf("grouped %.3f %s %s | %s%n", sim,
              known.contains(refs.get(i) + " " + refs.get(j)) ? "(labelled)" : "(unlabelled)",
              shorten(refs.get(i)), shorten(refs.get(j)));
        }
      }
    }
    System.out.printf("all pairs: %d texts, %d pairs, %d grouped%n", sigs.size(), compared, grouped);
  }

  /** The URL the labelled set gives a text, else the corpus entry's own (a {@code hard::} entry has none). */
  private static String url(java.util.Map<String, String> urls, String ref) {
    String known = urls.get(ref);
    if (known != null) {
      return known;
    }
    return ref.startsWith("corpus:") && !ref.startsWith("corpus:hard::") ? ref.substring(7) : ref;
  }

  static boolean shareBand(Signature a, Signature b) {
    Set<String> keys = new HashSet<>(Bands.keys(a));
    return Bands.keys(b).stream().anyMatch(keys::contains);
  }

  private static String shorten(String ref) {
    return ref.length() > 70 ? ref.substring(0, 70) + "…" : ref;
  }

  private static List<Pair> read(Path file) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 7 || !(f[0].equals("same") || f[0].equals("different"))) {
        throw new IllegalArgumentException("not a labelled pair (7 tab-separated fields, same|different): " + line);
      }
      pairs.add(new Pair(f[0].equals("same"), f[1], f[2], f[3], f[4], f[5], f[6]));
    }
    return pairs;
  }
}
