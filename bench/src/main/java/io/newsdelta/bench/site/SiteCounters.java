package io.newsdelta.bench.site;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the site saw: requests and 304s of articles and feeds, bytes sent, and per host the requests in
 * flight at once (current and maximum) and the shortest gap between two request starts — the figures a
 * fetcher's politeness is judged by.
 */
public final class SiteCounters {

  private final LongAdder articleRequests = new LongAdder();
  private final LongAdder articleNotModified = new LongAdder();
  private final LongAdder feedRequests = new LongAdder();
  private final LongAdder feedNotModified = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private final AtomicIntegerArray current;
  private final AtomicIntegerArray max;
  private final AtomicLongArray lastStart;
  private final AtomicLongArray minGap;

  /** Counters for hosts 1..hosts. */
  public SiteCounters(int hosts) {
    current = new AtomicIntegerArray(hosts + 1);
    max = new AtomicIntegerArray(hosts + 1);
    lastStart = new AtomicLongArray(hosts + 1);
    minGap = new AtomicLongArray(hosts + 1);
    for (int h = 0; h <= hosts; h++) {
      minGap.set(h, Long.MAX_VALUE);
    }
  }

  /** A request to {@code host} starts at {@code nanos} (System.nanoTime). */
  void begin(int host, long nanos) {
    int now = current.incrementAndGet(host);
    max.accumulateAndGet(host, now, Math::max);
    long previous = lastStart.getAndSet(host, nanos);
    if (previous != 0) {
      minGap.accumulateAndGet(host, Math.abs(nanos - previous), Math::min);
    }
  }

  /** The request to {@code host} has been answered. */
  void end(int host) {
    current.decrementAndGet(host);
  }

  void article(boolean notModified, long bytes) {
    articleRequests.increment();
    if (notModified) {
      articleNotModified.increment();
    }
    bytesSent.add(bytes);
  }

  void feed(boolean notModified, long bytes) {
    feedRequests.increment();
    if (notModified) {
      feedNotModified.increment();
    }
    bytesSent.add(bytes);
  }

  /** The counters now. */
  public SiteStats snapshot() {
    int hosts = max.length() - 1;
    int[] maxes = new int[hosts];
    long[] gaps = new long[hosts];
    int seen = 0;
    for (int h = 1; h <= hosts; h++) {
      if (max.get(h) > 0) {
        maxes[seen] = max.get(h);
        gaps[seen] = minGap.get(h);
        seen++;
      }
    }
    int[] m = Arrays.copyOf(maxes, seen);
    long[] g = Arrays.stream(gaps, 0, seen).filter(x -> x != Long.MAX_VALUE).sorted().toArray();
    Arrays.sort(m);
    return new SiteStats(articleRequests.sum(), articleNotModified.sum(), feedRequests.sum(),
        feedNotModified.sum(), bytesSent.sum(), seen,
        seen == 0 ? 0 : m[seen - 1], seen == 0 ? 0 : m[seen / 2],
        g.length == 0 ? -1 : g[0] / 1e6, g.length == 0 ? -1 : g[g.length / 2] / 1e6);
  }
}
