package io.newsdelta.bench.edit;

import io.newsdelta.bench.site.Newsroom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the editor changed and when, and when each real edit was first served to a fetcher. Safe for
 * the editor, the site's worker threads and the reader at once.
 */
public final class Ledger implements Newsroom.ServedListener {
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<Long, Long> firstServed = new ConcurrentHashMap<>();

  /** Records one change. */
  public synchronized void add(LedgerEntry entry) {
    entries.add(entry);
  }

  /** Every change so far, oldest first (a copy). */
  public synchronized List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void firstServed(int article, int edits, long atMillis) {
    firstServed.putIfAbsent(key(article, edits), atMillis);
  }

  /** When the page showing {@code entry} was first served (empty: not yet fetched). */
  public OptionalLong firstServed(LedgerEntry entry) {
    Long t = firstServed.get(key(entry.article(), entry.editCount()));
    return t == null ? OptionalLong.empty() : OptionalLong.of(t);
  }

  private static long key(int article, int edits) {
    return ((long) article << 32) | edits;
  }
}
