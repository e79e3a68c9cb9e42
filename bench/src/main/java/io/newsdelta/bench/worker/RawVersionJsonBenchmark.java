package io.newsdelta.bench.worker;

import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
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
 * What a raw version's JSON costs on each side of {@code newsdelta.raw-versions}: ingest encodes one per
 * published page, each diff worker decodes one per record. One corpus page per operation, cycling through
 * {@link RawVersions} (real pages, 100–300 KB of HTML for most); compare with {@link DiffLoopBenchmark}'s
 * time per version to see the serde's share.
 *
 * <p>{@code java -Dcorpus=/work/shared/corpus/trafilatura-eval -cp bench/target/benchmarks.jar
 * org.openjdk.jmh.Main RawVersionJsonBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RawVersionJsonBenchmark {

  /** Corpus directory; the {@code corpus} system property overrides it. */
  @Param("../shared/corpus/trafilatura-eval")
  public String corpus;

  private final JsonSerde<RawVersion> serde = JsonSerde.of(RawVersion.class);
  private List<RawVersion> raws;
  private byte[][] encoded;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    raws = RawVersions.of(Path.of(System.getProperty("corpus", corpus)));
    encoded = new byte[raws.size()][];
    for (int i = 0; i < raws.size(); i++) {
      encoded[i] = serde.serialize(Topics.RAW_VERSIONS, raws.get(i));
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) % raws.size();
    return i;
  }

  /** Ingest's side: one raw version to the bytes of its record value. */
  @Benchmark
  public byte[] encode() {
    return serde.serialize(Topics.RAW_VERSIONS, raws.get(nextIndex()));
  }

  /** The worker's side: the bytes of one record value back to a raw version. */
  @Benchmark
  public RawVersion decode() {
    return serde.deserialize(Topics.RAW_VERSIONS, encoded[nextIndex()]);
  }
}
