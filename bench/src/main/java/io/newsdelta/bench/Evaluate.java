package io.newsdelta.bench;

import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.CharsetSniffer;
import io.newsdelta.extract.ExtractedArticle;
import io.newsdelta.extract.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores the extractor on the trafilatura evaluation corpus the way trafilatura does: per page, the
 * extracted text is the title and the paragraphs joined; each "with" snippet found in it is a true
 * positive (else a false negative), each "without" snippet found is a false positive (else a true
 * negative). Pages go the production path: bytes decoded by {@link CharsetSniffer}, as ingest writes
 * them to raw versions, then {@link ArticleExtractor#extract(String, String)}, as the diff worker reads
 * them. Text and snippets both go through {@link TextNormalizer} (whitespace collapsed, quotes
 * and dashes mapped the same way), then counts are summed over the corpus.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.Evaluate CORPUS_DIR
 * [WORST_N] [URL_SUBSTRING]}; with a URL substring it also prints the matching pages' extraction;
 * {@code -Devaluate.dump=FILE} writes one line of counts per page.
 */
public final class Evaluate {

  /** The score of one page. */
  record Result(Corpus.Page page, ExtractedArticle article, int tp, int fn, int fp, int tn,
      List<String> missed, List<String> leaked) {
    int errors() {
      return fn + fp;
    }
  }

  private Evaluate() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    int worst = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String show = args.length > 2 ? args[2] : null;
    List<Corpus.Page> pages = Corpus.pages(dir);
    ArticleExtractor extractor = ArticleExtractor.generic();
    long start = System.nanoTime();
    List<Result> results = pages.parallelStream().map(p -> score(p, extractor)).toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    for (Result r : results) {
      tp += r.tp();
      fn += r.fn();
      fp += r.fp();
      tn += r.tn();
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    double f1 = 2 * precision * recall / (precision + recall);
    double accuracy = (tp + tn) / (double) (tp + tn + fp + fn);
    System.out.printf("pages %d, snippets tp %d fn %d fp %d tn %d, %d ms%n", results.size(), tp, fn,
        fp, tn, millis);
    System.out.printf("precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f%n", precision, recall,
        f1, accuracy);
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(Result::errors).reversed());
    System.out.printf("%nworst %d pages:%n", worst);
    for (Result r : sorted.subList(0, Math.min(worst, sorted.size()))) {
      System.out.printf("fn %d fp %d  %s  [%s]%s%n", r.fn(), r.fp(), r.page().url(),
          r.article().method(), r.article().emptyReason() == null ? ""
              : " empty: " + r.article().emptyReason());
      r.missed().forEach(s -> System.out.println("    missed: " + cut(s)));
      r.leaked().forEach(s -> System.out.println("    leaked: " + cut(s)));
    }
    String dump = System.getProperty("evaluate.dump");
    if (dump != null) {
      try (java.io.PrintWriter out = new java.io.PrintWriter(dump, "UTF-8")) {
        for (Result r : results) {
          out.printf("%s\t%d\t%d\t%d\t%s\t%s%n", r.page().url(), r.tp(), r.fn(), r.fp(),
              r.article().method(), r.article().emptyReason());
        }
      }
    }
    if (show != null) {
      for (Result r : results) {
        if (r.page().url().contains(show)) {
          System.out.printf("%n=== %s (%s)%n%s%n", r.page().url(), r.page().file(),
              String.join("\n\n", r.article().text()));
        }
      }
    }
  }

  static Result score(Corpus.Page page, ArticleExtractor extractor) {
    // The production path: ingest decodes the page into the raw version's text, the worker extracts it.
    ExtractedArticle article = extractor.extract(CharsetSniffer.decode(page.bytes(), null), page.url());
    String text = TextNormalizer.normalize(article.text());
    List<String> missed = new ArrayList<>();
    List<String> leaked = new ArrayList<>();
    int tp = 0;
    int tn = 0;
    for (String s : page.with()) {
      if (text.contains(TextNormalizer.normalize(s))) {
        tp++;
      } else {
        missed.add(s);
      }
    }
    for (String s : page.without()) {
      if (text.contains(TextNormalizer.normalize(s))) {
        leaked.add(s);
      } else {
        tn++;
      }
    }
    return new Result(page, article, tp, missed.size(), leaked.size(), tn, missed, leaked);
  }

  private static String cut(String s) {
    return s.length() > 90 ? s.substring(0, 90) + "..." : s;
  }
}
