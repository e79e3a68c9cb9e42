package io.newsdelta.ingest.watch;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the article checks did since start, for benchmarks and tests (cheap counters, no logging on the hot
 * path).
 */
public final class IngestCounters {
  final LongAdder checks = new LongAdder();
  final LongAdder notModified = new LongAdder();
  final LongAdder fullFetches = new LongAdder();
  final LongAdder published = new LongAdder();
  final LongAdder unchangedText = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder stateWrites = new LongAdder();
  final LongAdder stateWritesKept = new LongAdder();

  /**
   * A snapshot.
   *
   * @param checks checks finished (any outcome)
   * @param notModified checks answered 304
   * @param fullFetches checks answered with a body taken in
   * @param published raw versions published
   * @param unchangedText bodies that differed from the last one published but not in their text
   * @param failures checks that failed
   * @param stateWrites article states written to the state topic
   * @param stateWritesKept states of unchanged checks kept in memory instead of written at once
   */
  public record Snapshot(long checks, long notModified, long fullFetches, long published, long unchangedText,
      long failures, long stateWrites, long stateWritesKept) {}

  /** The counts now. */
  public Snapshot snapshot() {
    return new Snapshot(checks.sum(), notModified.sum(), fullFetches.sum(), published.sum(), unchangedText.sum(),
        failures.sum(), stateWrites.sum(), stateWritesKept.sum());
  }
}
