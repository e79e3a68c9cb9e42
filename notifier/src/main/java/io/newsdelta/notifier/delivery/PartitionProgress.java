package io.newsdelta.notifier.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One channel's progress through one partition of the changes topic when several changes are in progress at once
 * and settle out of order. The committed offset is the lowest change not yet settled (nothing below it is lost);
 * the changes above it that are settled already are written into the commit's metadata, so that the next run,
 * after a restart or a hand-over, skips them instead of sending them to the channel a second time.
 *
 * <p>Metadata format {@code v1:<span>:<d>,<d>,…} in base 36: the offsets {@code committed + d} are open (not
 * settled); every other offset in {@code [committed, committed + span)} is settled. When the list would be longer
 * than {@link #MAX_METADATA_CHARS} the span is cut short: what lies past it is simply delivered again (at least
 * once). Not thread-safe: the lane guards it with its own lock.
 */
final class PartitionProgress {
  /** Well under the broker's default {@code offset.metadata.max.bytes} of 4096. */
  static final int MAX_METADATA_CHARS = 3000;

  private static final String VERSION = "v1";

  /** Offsets read (or known from the last run) and not settled. */
  private final TreeSet<Long> open = new TreeSet<>();
  /** Open offsets known from the last run's metadata that have not been read again yet. */
  private final TreeSet<Long> unseen = new TreeSet<>();
  /** One past the highest offset this progress knows about. */
  private long next;

  private PartitionProgress(long next) {
    this.next = next;
  }

  /**
   * The progress at assignment: the committed offset and its metadata, or, without a commit, the position the
   * lane starts reading at (metadata null).
   */
  static PartitionProgress restore(long committed, String metadata) {
    PartitionProgress p = new PartitionProgress(committed);
    if (metadata == null || !metadata.startsWith(VERSION + ":")) {
      return p; // nothing known above the commit (also a commit from before this format)
    }
    String[] parts = metadata.split(":", -1);
    try {
      long span = Long.parseLong(parts[1], 36);
      if (span <= 0) {
        return p;
      }
      p.next = committed + span;
      p.open.add(committed); // the committed offset itself is never settled, by construction
      if (parts.length > 2 && !parts[2].isEmpty()) {
        for (String d : parts[2].split(",")) {
          p.open.add(committed + Long.parseLong(d, 36));
        }
      }
      p.open.removeIf(o -> o >= p.next);
      p.unseen.addAll(p.open);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return new PartitionProgress(committed); // unreadable: deliver everything above the commit again
    }
    return p;
  }

  /**
   * The record at {@code offset} was read. Returns false when an earlier run settled it already (skip it);
   * otherwise it is open until {@link #settled(long)}.
   */
  boolean read(long offset) {
    // The consumer reads in order: a remembered open offset below this one will never come again (a gap).
    unseen.headSet(offset).forEach(open::remove);
    unseen.headSet(offset).clear();
    if (offset < next) {
      return unseen.remove(offset); // open in the last run: deliver it; otherwise it was settled
    }
    open.add(offset);
    next = offset + 1;
    return true;
  }

  /** The change at {@code offset} was delivered, not wanted, or dead-lettered. */
  void settled(long offset) {
    open.remove(offset);
    if (offset >= next) {
      next = offset + 1;
    }
  }

  /** Offsets read and not settled yet. */
  int openCount() {
    return open.size() - unseen.size();
  }

  /** The offset to commit: the lowest one not settled, or one past everything when all are. */
  long committable() {
    return open.isEmpty() ? next : open.first();
  }

  /** The commit's metadata: which offsets above {@link #committable()} are settled already. */
  String metadata() {
    long base = committable();
    if (open.isEmpty() || next <= base + 1) {
      return "";
    }
    StringBuilder list = new StringBuilder();
    long span = next - base;
    List<Long> above = new ArrayList<>(open.tailSet(base, false));
    for (long o : above) {
      String d = Long.toString(o - base, 36);
      if (list.length() + d.length() + 1 > MAX_METADATA_CHARS) {
        span = o - base; // the rest is not described: it is delivered again after a restart
        break;
      }
      if (list.length() > 0) {
        list.append(',');
      }
      list.append(d);
    }
    return VERSION + ":" + Long.toString(span, 36) + ":" + list;
  }
}
