package io.newsdelta.bench;

import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.CharsetSniffer;
import io.newsdelta.extract.ExtractedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second for the whole extraction (decode, parse, clean, score, collect, normalise) on
 * the evaluation corpus, one page per operation, cycling through every page in turn. Run with
 * {@code -prof gc} to see bytes allocated per page ({@code gc.alloc.rate.norm}).
 *
 * <p>{@code java -Dcorpus=../shared/corpus/trafilatura-eval -jar bench/target/benchmarks.jar
 * ExtractionBenchmark -f 1 -wi 2 -i 3 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ExtractionBenchmark {

  /** Corpus directory; the {@code corpus} system property overrides it. */
  @Param("../shared/corpus/trafilatura-eval")
  public String corpus;

  private final ArticleExtractor extractor = ArticleExtractor.generic();
  private byte[][] pages;
  private String[] urls;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Corpus.Page> list = Corpus.pages(Path.of(System.getProperty("corpus", corpus)));
    pages = new byte[list.size()][];
    urls = new String[list.size()];
    for (int i = 0; i < list.size(); i++) {
      pages[i] = list.get(i).bytes();
      urls[i] = list.get(i).url();
    }
  }

  /** Extracts the next page of the corpus. */
  @Benchmark
  public ExtractedArticle extractPage() {
    int i = next;
    next = (i + 1) % pages.length;
    // Decode as ingest does, extract as the worker does: the production path, timed whole.
    return extractor.extract(CharsetSniffer.decode(pages[i], null), urls[i]);
  }
}
