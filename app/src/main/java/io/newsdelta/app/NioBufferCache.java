package io.newsdelta.app;

/**
 * Caps the JDK's per-thread cache of temporary direct buffers before anything does I/O.
 *
 * <p>A socket read or write into a heap buffer goes through a temporary direct buffer as large as the I/O, and
 * each thread keeps those buffers for reuse. The Kafka clients and the embedded broker move records of up to
 * megabytes (raw versions are whole pages; fetch responses batch many), so every network thread keeps megabytes of
 * native memory that no {@code -Xmx} bounds: 38 MiB in {@code run} at 3,000 articles (NMT "Other"), 6 MiB with a
 * cap of 256 KiB (docs/benchmarks.md, "Memory of run"). Larger I/O then gets a buffer that is freed after use.
 * An operator's own {@code -Djdk.nio.maxCachedBufferSize} is kept.
 *
 * <p>The JDK reads the property once, when NIO first runs, so the launcher sets it first.
 */
final class NioBufferCache {
  static final String PROPERTY = "jdk.nio.maxCachedBufferSize";
  static final long CAP_BYTES = 256 * 1024;

  private NioBufferCache() {}

  static void apply() {
    String current = System.getProperty(PROPERTY);
    if (current == null || current.isBlank()) {
      System.setProperty(PROPERTY, Long.toString(CAP_BYTES));
    }
  }
}
