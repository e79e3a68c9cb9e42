package io.newsdelta.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time of this JVM's Java threads, grouped by name with the digits taken out ({@code ingest-process-1} and
 * {@code ingest-process-2} are {@code ingest-process-N}), between two snapshots: where a load run's CPU went. A
 * thread that ended between the snapshots is missed; what the process used beyond the Java threads is the JVM's own
 * (garbage collection, JIT compilation).
 */
record ThreadCpu(Map<Long, String> names, Map<Long, Long> nanos) {

  static ThreadCpu now() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> nanos = new HashMap<>();
    for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = bean.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        names.put(info.getThreadId(), info.getThreadName());
        nanos.put(info.getThreadId(), cpu);
      }
    }
    return new ThreadCpu(names, nanos);
  }

  /** Nanoseconds of CPU per thread group from {@code before} to this snapshot, the busiest first. */
  Map<String, Long> since(ThreadCpu before) {
    Map<String, Long> groups = new HashMap<>();
    nanos.forEach((id, cpu) -> groups.merge(names.get(id).replaceAll("\\d+", "N"),
        cpu - before.nanos.getOrDefault(id, 0L), Long::sum));
    Map<String, Long> sorted = new LinkedHashMap<>();
    groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
