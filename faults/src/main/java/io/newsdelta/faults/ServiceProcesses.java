package io.newsdelta.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The newsdelta processes of a suite run, each started from the launcher ({@code io.newsdelta.app.Main}) as a
 * user would, with its own log file. A process can be killed with SIGKILL and started again over the same
 * configuration and data, which is what the suite does to them.
 */
final class ServiceProcesses implements AutoCloseable {
  /** How long a process may take to say it started. */
  private static final Duration START = Duration.ofSeconds(180);

  private final Path dir;
  private final Map<String, Process> running = new LinkedHashMap<>();
  private final Map<String, List<String>> commands = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new LinkedHashMap<>();

  ServiceProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code name} with the launcher arguments and waits until its log says it started. */
  void start(String name, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m",
        "-XX:+UseSerialGC",
        "-Dlog4j2.configurationFile=classpath:log4j2.xml",
        "-cp", System.getProperty("java.class.path"),
        "io.newsdelta.app.Main"));
    command.addAll(List.of(args));
    commands.put(name, command);
    launch(name);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  void kill(String name) {
    Process process = running.remove(name);
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(process, name);
  }

  /** SIGTERM and wait for the graceful stop. */
  void stop(String name) {
    Process process = running.remove(name);
    if (process == null) {
      return;
    }
    process.destroy();
    waitFor(process, name);
  }

  /** Starts a killed or stopped process again with the same command. */
  void restart(String name) {
    launch(name);
  }

  /** How many times each process was started. */
  Map<String, Integer> starts() {
    return Map.copyOf(starts);
  }

  Path log(String name) {
    return dir.resolve(name + "-" + starts.getOrDefault(name, 0) + ".log");
  }

  private void launch(String name) {
    int n = starts.merge(name, 1, Integer::sum);
    Path log = dir.resolve(name + "-" + n + ".log");
    try {
      Process process = new ProcessBuilder(commands.get(name))
          .directory(dir.toFile())
          .redirectOutput(dir.resolve(name + "-" + n + ".out").toFile())
          .redirectError(log.toFile())
          .start();
      running.put(name, process);
      long deadline = System.nanoTime() + START.toNanos();
      while (!read(log).contains("newsdelta started")) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with status " + process.exitValue()
              + " while starting: " + tail(read(log)));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " did not start within " + START.toSeconds() + " s: "
              + tail(read(log)));
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
  }

  private static void waitFor(Process process, String name) {
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(name + " did not stop within 40 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lines of stack traces in every log of the run: an expected failure must be one line, not a trace. */
  int stackTraceLines() {
    int lines = 0;
    for (Map.Entry<String, Integer> started : starts.entrySet()) {
      for (int n = 1; n <= started.getValue(); n++) {
        lines += (int) read(dir.resolve(started.getKey() + "-" + n + ".log")).lines()
            .filter(l -> l.startsWith("\tat ")).count();
      }
    }
    return lines;
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops what still runs, services before the broker (reverse start order). */
  @Override
  public void close() {
    List<String> names = new ArrayList<>(running.keySet());
    java.util.Collections.reverse(names);
    for (String name : names) {
      try {
        stop(name);
      } catch (RuntimeException e) {
        // keep stopping the others
      }
    }
  }
}
