package io.newsdelta.bench.worker;

import io.newsdelta.events.RawVersion;
import io.newsdelta.extract.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Raw versions extracted per CPU-second of the extracting thread, on the diff worker's page mix ({@link RawVersions}),
 * one thread, as the worker's stream thread calls {@code ArticleExtractor.extract(String, url)}. On the shared 2-core
 * machine a wall-clock rate (JMH) mostly measures the other engineers' builds; CPU time per page moves much less with
 * the load, so two builds run side by side in the same window compare by it. The first half of the run is warm-up
 * (the JIT is slow to settle under load); the second half's rate is printed, with each block of 100 pages.
 *
 * <p>{@code java -cp "$CP" io.newsdelta.bench.worker.ExtractionCpuRun /work/shared/corpus/trafilatura-eval 300}
 */
public final class ExtractionCpuRun {
  private static final int BLOCK = 100;

  private ExtractionCpuRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ExtractionCpuRun CORPUS_DIR SECONDS");
      System.exit(2);
    }
    List<RawVersion> raws = RawVersions.of(Path.of(args[0]));
    long seconds = Long.parseLong(args[1]);
    ArticleExtractor extractor = ArticleExtractor.generic();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long half = start + seconds * 500_000_000L;
    long blockCpu = threads.getCurrentThreadCpuTime();
    long measuredCpu = 0;
    long measuredPages = 0;
    int i = 0;
    int n = 0;
    while (System.nanoTime() < end) {
      RawVersion raw = raws.get(i);
      i = (i + 1) % raws.size();
      extractor.extract(raw.body(), raw.url());
      if (++n % BLOCK == 0) {
        long cpu = threads.getCurrentThreadCpuTime();
        double rate = BLOCK * 1e9 / (cpu - blockCpu);
        boolean measured = System.nanoTime() >= half;
        if (measured) {
          measuredCpu += cpu - blockCpu;
          measuredPages += BLOCK;
        }
        System.out.printf("%d pages, %.1f pages per CPU-second%s%n", n, rate, measured ? "" : " (warm-up)");
        blockCpu = cpu;
      }
    }
    System.out.printf("after warm-up: %d pages, %.1f pages per CPU-second; load average %s%n", measuredPages,
        measuredPages * 1e9 / Math.max(1, measuredCpu), loadAverage());
  }

  private static String loadAverage() {
    return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
