package io.newsdelta.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar newsdelta.jar run --config FILE} as a child process, started as a user would, with
 * its resources read from {@code /proc} (peak RSS, CPU time) and its heap from its GC log.
 */
final class ChildPipeline implements AutoCloseable {
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private final Process process;
  private final Path gcLog;
  private final long clockTicks;

  private ChildPipeline(Process process, Path gcLog, long clockTicks) {
    this.process = process;
    this.gcLog = gcLog;
    this.clockTicks = clockTicks;
  }

  /**
   * Starts {@code jar run --config config} with {@code -Xmx heap} and {@code jvmOptions}; its output goes to
   * {@code pipeline.log} in {@code workDir}. The child inherits the environment, {@code MALLOC_ARENA_MAX} included.
   */
  static ChildPipeline start(Path jar, Path config, String heap, List<String> jvmOptions, Path workDir) {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path gc = workDir.resolve("gc.log");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xlog:gc:file=" + gc));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("pipeline.log").toFile());
    // The generated config is the whole configuration: no NEWSDELTA_* variable of ours may override it.
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("NEWSDELTA_"));
    try {
      return new ChildPipeline(pb.start(), gc, clockTicks());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Seconds of CPU (user + system) the child used so far. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command name: field 3 is f[0]; utime and stime are fields 14 and 15.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The child's peak resident set (VmHWM) in bytes, or -1. */
  long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Heap figures from the GC log: {peak used before a collection, peak live after one, capacity}, in bytes. */
  long[] heapFromGcLog() {
    long before = 0;
    long after = 0;
    long capacity = 0;
    try {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          before = Math.max(before, bytes(m.group(1), m.group(2)));
          after = Math.max(after, bytes(m.group(3), m.group(4)));
          capacity = Math.max(capacity, bytes(m.group(5), m.group(6)));
        }
      }
    } catch (IOException e) {
      return new long[] {-1, -1, -1};
    }
    return new long[] {before, after, capacity};
  }

  /**
   * Asks the child for a full collection ({@code jcmd PID GC.run}) and returns the heap still in use after it, from
   * its GC log: the heap the process needs at this moment, garbage excluded. -1 when it cannot be had.
   */
  long liveHeapAfterFullGc() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return -1;
      }
      long live = -1;
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_LINE.matcher(line);
        if (line.contains("Pause Full") && m.find()) {
          live = bytes(m.group(3), m.group(4)); // the last full collection: the one just asked for
        }
      }
      return live;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }

  /** SIGTERM, then wait for the graceful stop; killed if it takes longer than a minute. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
