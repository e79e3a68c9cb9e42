package io.newsdelta.bench;

import io.newsdelta.events.Hashes;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.CharsetSniffer;
import io.newsdelta.extract.ExtractedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One line per corpus page: its URL and the SHA-256 of everything the extractor returned for it (every field of
 * {@link ExtractedArticle}), through the production path. Two runs that print the same lines extracted exactly
 * the same: a speed change is checked with it before and after ({@code diff} of the two outputs).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.ExtractionDigest
 * /work/shared/corpus/trafilatura-eval > digest.txt}
 */
public final class ExtractionDigest {

  private ExtractionDigest() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ExtractionDigest CORPUS_DIR");
      System.exit(2);
    }
    ArticleExtractor extractor = ArticleExtractor.generic();
    List<Corpus.Page> pages = Corpus.pages(Path.of(args[0]));
    for (Corpus.Page page : pages) {
      ExtractedArticle a = extractor.extract(CharsetSniffer.decode(page.bytes(), null), page.url());
      System.out.println(page.url() + "\t" + Hashes.sha256(a.toString()));
    }
  }
}
