package io.newsdelta.notifier.delivery;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One channel's waiting changes: at most {@code maxInFlight} in progress at once, and never two of one key (one
 * article) at the same time, so an article's changes reach the channel in the order they were written while
 * different articles go concurrently. Items are started in arrival order as far as those two limits allow.
 * Thread-safe: {@link #offer} and {@link #done} may be called from any thread; {@code start} is called under the
 * queue's lock and must only hand the item on (to an executor).
 *
 * @param <T> the queued item
 */
final class KeyedQueue<T> {
  private final int maxInFlight;
  private final Function<T, String> key;
  private final Consumer<T> start;
  private final ArrayDeque<T> ready = new ArrayDeque<>();
  /** Per busy key (one of its items is ready or in progress), the items of that key behind it. */
  private final Map<String, ArrayDeque<T>> behind = new HashMap<>();
  private int inFlight;
  private int size;
  private boolean halted;

  KeyedQueue(int maxInFlight, Function<T, String> key, Consumer<T> start) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    this.key = key;
    this.start = start;
  }

  /** Queues {@code item}; starts it at once when a slot is free and no item of its key is in progress. */
  synchronized void offer(T item) {
    size++;
    ArrayDeque<T> waiting = behind.get(key.apply(item));
    if (waiting != null) {
      waiting.add(item);
    } else {
      behind.put(key.apply(item), new ArrayDeque<>());
      ready.add(item);
    }
    drain();
  }

  /** {@code item}, started earlier, is finished: its slot and its key are free for the next. */
  synchronized void done(T item) {
    inFlight--;
    size--;
    String k = key.apply(item);
    ArrayDeque<T> waiting = behind.get(k);
    T next = waiting == null ? null : waiting.poll();
    if (next != null) {
      ready.add(next);
    } else {
      behind.remove(k);
    }
    drain();
  }

  /** Starts nothing more from now on (the lane is stopping); items in progress still end with {@link #done}. */
  synchronized void halt() {
    halted = true;
  }

  /** Items queued or in progress. */
  synchronized int size() {
    return size;
  }

  /** Items in progress. */
  synchronized int inFlight() {
    return inFlight;
  }

  private void drain() {
    while (!halted && inFlight < maxInFlight && !ready.isEmpty()) {
      inFlight++;
      start.accept(ready.poll());
    }
  }
}
