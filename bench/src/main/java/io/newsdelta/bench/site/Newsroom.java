package io.newsdelta.bench.site;

import java.util.Arrays;

/**
 * The site's state: per article only the kinds of the edits made so far, a boilerplate revision, the
 * Last-Modified second and what the last request saw — a few dozen bytes, so 100,000 articles fit in a
 * few MB. The text itself is regenerated from the seed ({@link Story#of}).
 *
 * <p>Edits and requests of one article are serialised on a lock stripe, so a response shows either the
 * story before an edit or after it, and the site knows which one each request was served.
 */
public final class Newsroom {

  /** Told when a request serves an article's latest edit for the first time. */
  @FunctionalInterface
  public interface ServedListener {
    /** Article {@code article}'s edit count {@code edits} was first served at {@code atMillis}. */
    void firstServed(int article, int edits, long atMillis);
  }

  /** What a request is served: the story's revision and the boilerplate's. */
  public record Revision(byte[] edits, int boilerplate, long lastModifiedSecond) {}

  /** An edit as made: the story before and after, and when the article was last requested before it. */
  public record Edit(int article, int index, EditKind kind, Story before, Story after, long lastRequestBefore) {}

  private static final byte[] NONE = new byte[0];
  private static final int STRIPES = 256;

  private final long seed;
  private final byte[][] edits;
  private final int[] boilerplate;
  private final long[] lastModifiedSecond;
  private final long[] lastRequestMillis;
  private final int[] servedEdits;
  private final Object[] locks = new Object[STRIPES];
  private volatile ServedListener listener = (a, e, t) -> { };

  /** All {@code articles} articles unedited, last modified at {@code startMillis}. */
  public Newsroom(long seed, int articles, long startMillis) {
    this.seed = seed;
    this.edits = new byte[articles][];
    Arrays.fill(edits, NONE);
    this.boilerplate = new int[articles];
    this.lastModifiedSecond = new long[articles];
    Arrays.fill(lastModifiedSecond, startMillis / 1000);
    this.lastRequestMillis = new long[articles];
    this.servedEdits = new int[articles];
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Who to tell when an edit is first served. */
  public void onFirstServed(ServedListener l) {
    this.listener = l;
  }

  public long seed() {
    return seed;
  }

  public int articles() {
    return edits.length;
  }

  /** The revision a request for {@code article} starting at {@code nowMillis} is served, recorded as seen. */
  public Revision serve(int article, long nowMillis) {
    Revision r;
    boolean first;
    synchronized (lock(article)) {
      r = new Revision(edits[article], boilerplate[article], lastModifiedSecond[article]);
      lastRequestMillis[article] = nowMillis;
      first = servedEdits[article] < r.edits().length;
      servedEdits[article] = r.edits().length;
    }
    if (first) {
      listener.firstServed(article, r.edits().length, nowMillis);
    }
    return r;
  }

  /** The revision without recording a request (for a conditional check or a test). */
  public Revision peek(int article) {
    synchronized (lock(article)) {
      return new Revision(edits[article], boilerplate[article], lastModifiedSecond[article]);
    }
  }

  /** Makes a real edit of {@code kind} to {@code article} at {@code nowMillis}. */
  public Edit edit(int article, EditKind kind, long nowMillis) {
    synchronized (lock(article)) {
      byte[] before = edits[article];
      Story old = Story.of(seed, article, before);
      Story next = old.edited(seed, article, before.length, kind);
      byte[] after = Arrays.copyOf(before, before.length + 1);
      after[before.length] = (byte) kind.ordinal();
      edits[article] = after;
      touch(article, nowMillis);
      return new Edit(article, before.length, kind, old, next, lastRequestMillis[article]);
    }
  }

  /** Re-renders {@code article}'s boilerplate only (new most-read box, ad, stamp, request id). */
  public void rerender(int article, long nowMillis) {
    synchronized (lock(article)) {
      boilerplate[article]++;
      touch(article, nowMillis);
    }
  }

  /** True when {@code article} was requested and its latest edit has been served. */
  public boolean settled(int article) {
    synchronized (lock(article)) {
      return lastRequestMillis[article] != 0 && servedEdits[article] == edits[article].length;
    }
  }

  /** When {@code article} was last requested (0: never). */
  public long lastRequest(int article) {
    synchronized (lock(article)) {
      return lastRequestMillis[article];
    }
  }

  /** How many articles were requested at least once. */
  public int requested() {
    int n = 0;
    for (int a = 0; a < edits.length; a++) {
      if (lastRequest(a) != 0) {
        n++;
      }
    }
    return n;
  }

  private void touch(int article, long nowMillis) {
    // Last-Modified has one-second resolution: a change must move it, or an If-Modified-Since
    // sent with the old stamp would wrongly get a 304.
    lastModifiedSecond[article] = Math.max(nowMillis / 1000, lastModifiedSecond[article] + 1);
  }

  private Object lock(int article) {
    return locks[article % STRIPES];
  }
}
