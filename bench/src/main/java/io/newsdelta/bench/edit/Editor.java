package io.newsdelta.bench.edit;

import io.newsdelta.bench.site.EditKind;
import io.newsdelta.bench.site.Newsroom;
import io.newsdelta.bench.site.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes real edits and boilerplate-only re-renders at set rates, each written to the ledger.
 *
 * <p>A real edit goes only to an article that has been fetched since its last edit: two edits between
 * two checks would be one change, and the ledger could no longer say which alert answers which edit.
 */
public final class Editor implements AutoCloseable {
  private static final int TRIES = 50;

  private final Newsroom newsroom;
  private final Ledger ledger;
  private final SplittableRandom random;
  private final AtomicLong skipped = new AtomicLong();
  private ScheduledExecutorService timer;
  private long gapMillis;
  private long dueWithinMillis;

  public Editor(Newsroom newsroom, Ledger ledger, long seed) {
    this.newsroom = newsroom;
    this.ledger = ledger;
    this.random = new SplittableRandom(seed);
    newsroom.onFirstServed(ledger);
  }

  /**
   * Edits only articles whose next check is due within {@code within} of the edit ({@code gap} after their last
   * request): with a long re-check gap (100,000 articles need one of half an hour or more on 2 cores) a run can
   * then see its edits alerted without waiting a whole gap. The latency beyond the re-check wait is the same
   * either way; edit-to-alert is shorter, by design. Zero {@code within} edits any settled article.
   */
  public synchronized void onlyDueWithin(java.time.Duration gap, java.time.Duration within) {
    this.gapMillis = gap.toMillis();
    this.dueWithinMillis = within.toMillis();
  }

  /** Starts editing: {@code editsPerSecond} real edits and {@code rerendersPerSecond} re-renders a second. */
  public synchronized void start(double editsPerSecond, double rerendersPerSecond) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "editor");
      t.setDaemon(true);
      return t;
    });
    if (editsPerSecond > 0) {
      long period = (long) (1_000_000 / editsPerSecond);
      timer.scheduleAtFixedRate(() -> edit(System.currentTimeMillis()), period, period, TimeUnit.MICROSECONDS);
    }
    if (rerendersPerSecond > 0) {
      long period = (long) (1_000_000 / rerendersPerSecond);
      timer.scheduleAtFixedRate(() -> rerender(System.currentTimeMillis()), period / 2 + 1, period, TimeUnit.MICROSECONDS);
    }
  }

  /** Makes one real edit of a random kind to a random settled article; false when none was settled. */
  public synchronized boolean edit(long nowMillis) {
    int article = pickSettled(nowMillis);
    if (article < 0) {
      skipped.incrementAndGet();
      return false;
    }
    EditKind kind = EditKind.values()[random.nextInt(EditKind.values().length)];
    Newsroom.Edit e = newsroom.edit(article, kind, nowMillis);
    String[] text = expected(e);
    ledger.add(new LedgerEntry(article, kind.name(), nowMillis, e.lastRequestBefore(), e.index() + 1,
        text[0], text[1]));
    return true;
  }

  /** Re-renders the boilerplate of one random fetched article; false when none was fetched yet. */
  public synchronized boolean rerender(long nowMillis) {
    for (int i = 0; i < TRIES; i++) {
      int a = random.nextInt(newsroom.articles());
      long last = newsroom.lastRequest(a);
      if (last != 0) {
        newsroom.rerender(a, nowMillis);
        ledger.add(new LedgerEntry(a, LedgerEntry.BOILERPLATE, nowMillis, last, 0, null, null));
        return true;
      }
    }
    skipped.incrementAndGet();
    return false;
  }

  /** Edits not made because no suitable article was found. */
  public long skipped() {
    return skipped.get();
  }

  private int pickSettled(long nowMillis) {
    int tries = dueWithinMillis > 0 ? TRIES * 20 : TRIES;
    for (int i = 0; i < tries; i++) {
      int a = random.nextInt(newsroom.articles());
      if (newsroom.settled(a) && dueSoon(a, nowMillis)) {
        return a;
      }
    }
    return -1;
  }

  private boolean dueSoon(int article, long nowMillis) {
    if (dueWithinMillis <= 0) {
      return true;
    }
    long due = newsroom.lastRequest(article) + gapMillis;
    return due >= nowMillis && due - nowMillis <= dueWithinMillis;
  }

  /** The text an alert for this edit must show, and the text it replaced (or null). */
  static String[] expected(Newsroom.Edit e) {
    Story before = e.before();
    Story after = e.after();
    if (e.kind() == EditKind.HEADLINE) {
      return new String[] {after.headline(), before.headline()};
    }
    List<String> added = new ArrayList<>(after.paragraphs());
    added.removeAll(before.paragraphs());
    List<String> removed = new ArrayList<>(before.paragraphs());
    removed.removeAll(after.paragraphs());
    if (e.kind() == EditKind.DELETE && !removed.isEmpty()) {
      return new String[] {removed.get(0), null};
    }
    String previous = e.kind() == EditKind.REWRITE && !removed.isEmpty() ? removed.get(0) : null;
    return new String[] {added.isEmpty() ? "" : added.get(0), previous};
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
