package io.newsdelta.bench.worker;

import io.newsdelta.diffworker.version.ArticleState;
import io.newsdelta.diffworker.version.ArticleText;
import io.newsdelta.diffworker.version.Observation;
import io.newsdelta.diffworker.version.Versioner;
import io.newsdelta.events.RawVersion;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.ExtractedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Raw versions per second through the diff worker's loop without Kafka: extract the page, then
 * {@link Versioner#observe} against the article's state kept in a map — what {@code DiffProcessor} does per
 * record, minus the store, the serde and the transaction. One raw version per operation, cycling through
 * {@link RawVersions}; run with {@code -t 2} to compare with the worker's two stream threads.
 *
 * <p>{@code java -Dcorpus=/work/shared/corpus/trafilatura-eval -cp bench/target/benchmarks.jar
 * org.openjdk.jmh.Main DiffLoopBenchmark -t 2}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class DiffLoopBenchmark {

  /** Corpus directory; the {@code corpus} system property overrides it. */
  @Param("../shared/corpus/trafilatura-eval")
  public String corpus;

  private final ArticleExtractor extractor = ArticleExtractor.generic();
  private final Map<String, ArticleState> states = new HashMap<>();
  private List<RawVersion> raws;
  private List<ArticleText> texts;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    raws = RawVersions.of(Path.of(System.getProperty("corpus", corpus)));
    texts = new ArrayList<>(raws.size());
    for (RawVersion raw : raws) {
      ExtractedArticle a = extractor.extract(raw.body(), raw.url());
      texts.add(a.paragraphs().isEmpty() ? null
          : new ArticleText(a.title(), a.standfirst(), a.byline(), a.paragraphs()));
    }
  }

  /**
   * Versions the next raw version's text, extracted beforehand: the worker's loop when ingest's text is carried
   * with the raw version.
   */
  @Benchmark
  public Observation versionCarriedText() {
    int i = nextIndex();
    return version(raws.get(i), texts.get(i));
  }

  /** Extracts and versions the next raw version. */
  @Benchmark
  public Observation extractAndVersion() {
    RawVersion raw = raws.get(nextIndex());
    ExtractedArticle a = extractor.extract(raw.body(), raw.url());
    return version(raw, a.paragraphs().isEmpty() ? null
        : new ArticleText(a.title(), a.standfirst(), a.byline(), a.paragraphs()));
  }

  /** The next raw version's index; each pass starts from empty state, so every pass makes the same versions. */
  private int nextIndex() {
    int i = next;
    next = (i + 1) % raws.size();
    if (i == 0) {
      states.clear();
    }
    return i;
  }

  private Observation version(RawVersion raw, ArticleText text) {
    if (text == null) {
      return null;
    }
    Observation o = Versioner.observe(states.get(raw.articleId()), raw.articleId(), raw.url(), raw.fetchedAt(), text);
    states.put(raw.articleId(), o.state());
    return o;
  }
}
