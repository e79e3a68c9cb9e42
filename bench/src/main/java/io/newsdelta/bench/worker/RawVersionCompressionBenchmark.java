package io.newsdelta.bench.worker;

import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
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
 * What ingest's producer pays to compress one raw version into a record batch, as {@code KafkaProducer.send} does on
 * the calling thread, for each codec and zstd level: one corpus page per operation (its JSON, as published), cycling
 * through {@link RawVersions}. The setup prints each codec's ratio over all the pages, the bytes the topic keeps.
 *
 * <p>{@code java -Dcorpus=/work/shared/corpus/trafilatura-eval -cp bench/target/benchmarks.jar
 * org.openjdk.jmh.Main RawVersionCompressionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RawVersionCompressionBenchmark {

  /** Corpus directory; the {@code corpus} system property overrides it. */
  @Param("../shared/corpus/trafilatura-eval")
  public String corpus;

  /** {@code zstd:LEVEL}, {@code lz4} or {@code none}. */
  @Param({"zstd:3", "zstd:1", "lz4"})
  public String codec;

  private Compression compression;
  private byte[][] keys;
  private byte[][] values;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    compression = compression(codec);
    List<RawVersion> raws = RawVersions.of(Path.of(System.getProperty("corpus", corpus)));
    JsonSerde<RawVersion> serde = JsonSerde.of(RawVersion.class);
    keys = new byte[raws.size()][];
    values = new byte[raws.size()][];
    long in = 0;
    long out = 0;
    for (int i = 0; i < raws.size(); i++) {
      keys[i] = raws.get(i).articleId().getBytes(StandardCharsets.UTF_8);
      values[i] = serde.serialize(Topics.RAW_VERSIONS, raws.get(i));
      in += values[i].length;
      out += batch(i).sizeInBytes();
    }
    System.out.printf(Locale.ROOT, "%n%s: %d raw versions, %,d bytes of JSON in %,d bytes of batches, ratio %.2f%n",
        codec, raws.size(), in, out, (double) in / out);
  }

  static Compression compression(String codec) {
    if (codec.startsWith("zstd:")) {
      return Compression.zstd().level(Integer.parseInt(codec.substring(5))).build();
    }
    return switch (codec) {
      case "lz4" -> Compression.lz4().build();
      case "none" -> Compression.NONE;
      default -> throw new IllegalArgumentException("codec " + codec + ": zstd:LEVEL, lz4 or none");
    };
  }

  private MemoryRecords batch(int i) {
    MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(64 * 1024), compression,
        TimestampType.CREATE_TIME, 0L);
    builder.append(0L, keys[i], values[i]);
    return builder.build();
  }

  /** One raw version compressed into a batch of its own, as ingest's producer sends most of them. */
  @Benchmark
  public MemoryRecords compress() {
    int i = next;
    next = (i + 1) % values.length;
    return batch(i);
  }
}
