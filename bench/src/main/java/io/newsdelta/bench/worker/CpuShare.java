package io.newsdelta.bench.worker;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the load run's CPU went between two moments: the worker's stream threads, the rest of the JVM's Java threads
 * (the in-process broker, the clients' network threads, the run itself), and what is left of the process's CPU
 * time (the JIT compilers, the garbage collector's threads, RocksDB's own threads), with the JIT's compilation time
 * and the collector's pauses as the JVM reports them. On the shared machine a rate in wall time mostly measures
 * the other engineers' builds; these CPU seconds are what the worker's own work costs, and say which part of the
 * process takes the cores from the stream threads.
 */
final class CpuShare {
  private final long processNanos;
  private final Map<Long, Long> threadNanos;
  private final Map<Long, String> names;
  private final long compileMillis;
  private final long gcMillis;

  private CpuShare(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> names, long compileMillis,
      long gcMillis) {
    this.processNanos = processNanos;
    this.threadNanos = threadNanos;
    this.names = names;
    this.compileMillis = compileMillis;
    this.gcMillis = gcMillis;
  }

  /** The counters now. */
  static CpuShare now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long t = threads.getThreadCpuTime(info.getThreadId());
        if (t >= 0) {
          cpu.put(info.getThreadId(), t);
          names.put(info.getThreadId(), info.getThreadName());
        }
      }
    }
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    return new CpuShare(process, cpu, names, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
  }

  /** One line: CPU seconds by part from {@code earlier} to this, and raw versions per process CPU-second. */
  String since(CpuShare earlier, long rawVersions, double wallSeconds) {
    long stream = 0;
    long clients = 0;
    long others = 0;
    Map<String, Long> byKind = new HashMap<>();
    for (Map.Entry<Long, Long> e : threadNanos.entrySet()) {
      long delta = e.getValue() - earlier.threadNanos.getOrDefault(e.getKey(), 0L);
      String name = names.get(e.getKey());
      if (name.contains("-StreamThread-") && !name.contains("producer")) {
        stream += delta;
      } else if (name.contains("newsdelta-diff-worker")) {
        clients += delta;
      } else {
        others += delta;
        byKind.merge(name.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*").replaceAll("\\d+", "N"), delta, Long::sum);
      }
    }
    double process = (processNanos - earlier.processNanos) / 1e9;
    double rest = process - (stream + clients + others) / 1e9;
    return String.format(
        "CPU in %.1f s of wall time: process %.1f s (%.2f cores) = stream threads %.1f s (%.0f %%), worker clients' "
            + "network threads %.1f s (%.0f %%), broker and other Java threads %.1f s (%.0f %%), JIT + GC + native "
            + "threads %.1f s (%.0f %%; JIT compiling %.1f s, GC pauses %.1f s); %.0f raw versions per process "
            + "CPU-second, %.0f per stream-thread CPU-second",
        wallSeconds, process, process / wallSeconds, stream / 1e9, 100 * stream / 1e9 / process, clients / 1e9,
        100 * clients / 1e9 / process, others / 1e9, 100 * others / 1e9 / process, rest, 100 * rest / process,
        (compileMillis - earlier.compileMillis) / 1e3, (gcMillis - earlier.gcMillis) / 1e3, rawVersions / process,
        rawVersions / (stream / 1e9))
        + "; busiest other threads: " + byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(6).map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e9)).toList();
  }
}
