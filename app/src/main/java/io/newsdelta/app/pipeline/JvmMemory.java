package io.newsdelta.app.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The heap settings this JVM runs with, as the launcher states them at start: the maximum heap, whether
 * somebody chose it ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, in the command line or
 * {@code JAVA_TOOL_OPTIONS}) or the JVM defaulted it to a quarter of the machine's (or container's) memory,
 * the collector and the processors seen.
 *
 * @param maxHeapBytes the most the heap may grow to
 * @param heapChosen false when neither the heap size nor a RAM percentage was given
 * @param collectors the garbage collectors' names, young first
 * @param processors the processors the JVM sees (the container's CPU limit in a container)
 */
public record JvmMemory(long maxHeapBytes, boolean heapChosen, List<String> collectors, int processors) {
  /**
   * The JVM options measured for {@code run} on a few thousand articles, with {@code MALLOC_ARENA_MAX=2} (the
   * README's command; docs/benchmarks.md, "Memory of run").
   */
  public static final String RUN_OPTIONS = "-Xmx384m -XX:+UseSerialGC";

  /** This JVM's settings. */
  public static JvmMemory current() {
    HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean chosen = chosen(hotspot, "MaxHeapSize") || chosen(hotspot, "MaxRAMPercentage")
        || chosen(hotspot, "MaxRAMFraction");
    List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList();
    return new JvmMemory(Runtime.getRuntime().maxMemory(), chosen, collectors,
        Runtime.getRuntime().availableProcessors());
  }

  private static boolean chosen(HotSpotDiagnosticMXBean hotspot, String option) {
    try {
      VMOption.Origin origin = hotspot.getVMOption(option).getOrigin();
      return origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
    } catch (IllegalArgumentException e) {
      return false; // not an option of this JVM
    }
  }

  /** One line for the start-up log: {@code heap up to 384 MiB (set), G1 Young Generation + …, 2 processors}. */
  public String summary() {
    return String.format(Locale.ROOT, "heap up to %,d MiB (%s), %s, %d processors", maxHeapBytes >> 20,
        heapChosen ? "set" : "the JVM's default", String.join(" + ", collectors), processors);
  }

  /**
   * What to do when nobody chose the heap: the JVM's default maximum is a quarter of the machine's memory, and
   * the heap grows into it rather than collect. Empty when the heap was chosen.
   */
  public Optional<String> advice() {
    if (heapChosen) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "no heap size was given, so the heap may grow to %,d MiB (a "
        + "quarter of the memory this JVM sees) before it is collected; give one, e.g. MALLOC_ARENA_MAX=2 java %s -jar "
        + "newsdelta.jar run for a few thousand articles, or -XX:MaxRAMPercentage=60 in a container "
        + "(docs/operations.md, \"Memory\")", maxHeapBytes >> 20, RUN_OPTIONS));
  }
}
