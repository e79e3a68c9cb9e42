package io.newsdelta.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bytes of a broker's log segments per topic: its log dir holds one directory per partition, named {@code
 * <topic>-<partition>}, whose {@code .log} files are the records. The growth between two readings is what was
 * written in between, less what compaction or retention removed meanwhile.
 */
final class LogBytes {
  private LogBytes() {}

  /** Segment bytes by topic name; empty when {@code logDir} is null or not a directory. */
  static Map<String, Long> byTopic(Path logDir) {
    Map<String, Long> bytes = new TreeMap<>();
    if (logDir == null || !Files.isDirectory(logDir)) {
      return bytes;
    }
    try (Stream<Path> files = Files.walk(logDir, 2)) {
      files.filter(f -> f.getFileName().toString().endsWith(".log")).forEach(f -> {
        String topic = topicOf(f.getParent().getFileName().toString());
        if (topic != null) {
          bytes.merge(topic, size(f), Long::sum);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a partition directory deleted while walking: the reading is partial, as a reading during deletion must be
    }
    return bytes;
  }

  /** Growth per topic from {@code before} to {@code after}, topics that grew only, largest first. */
  static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> grown = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> grown.put(e.getKey(), e.getValue()));
    return grown;
  }

  /** {@code newsdelta.raw-versions-3} is partition 3 of {@code newsdelta.raw-versions}; null for other names. */
  static String topicOf(String partitionDir) {
    int dash = partitionDir.lastIndexOf('-');
    if (dash <= 0 || dash == partitionDir.length() - 1) {
      return null;
    }
    for (int i = dash + 1; i < partitionDir.length(); i++) {
      if (!Character.isDigit(partitionDir.charAt(i))) {
        return null;
      }
    }
    return partitionDir.substring(0, dash);
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0; // a segment deleted while walking
    }
  }
}
