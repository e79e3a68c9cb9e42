package io.newsdelta.ingest.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Articles waiting for their next fetch, ordered by due time. Each article is in the queue at most once:
 * scheduling it again replaces its earlier due time. Thread-safe.
 */
public final class DueQueue {
  /**
   * One article's next fetch.
   *
   * @param at when it is due
   * @param articleId the article
   */
  public record Due(Instant at, String articleId) {}

  private final ConcurrentSkipListSet<Due> queue =
      new ConcurrentSkipListSet<>(Comparator.comparing(Due::at).thenComparing(Due::articleId));
  private final Map<String, Due> byArticle = new ConcurrentHashMap<>();

  /** Schedules the article at {@code at}, replacing any earlier entry for it. */
  public synchronized void schedule(String articleId, Instant at) {
    Due previous = byArticle.put(articleId, new Due(at, articleId));
    if (previous != null) {
      queue.remove(previous);
    }
    queue.add(new Due(at, articleId));
  }

  /** Removes the earliest entry if it is due at {@code now}. */
  public synchronized Optional<Due> pollDue(Instant now) {
    if (queue.isEmpty() || queue.first().at().isAfter(now)) {
      return Optional.empty();
    }
    Due due = queue.pollFirst();
    byArticle.remove(due.articleId());
    return Optional.of(due);
  }

  /** When the earliest entry is due. */
  public synchronized Optional<Instant> peekTime() {
    return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().at());
  }

  /** Takes the article out of the queue, if it is waiting. */
  public synchronized void remove(String articleId) {
    Due previous = byArticle.remove(articleId);
    if (previous != null) {
      queue.remove(previous);
    }
  }

  /** Whether the article is waiting in the queue. */
  public boolean contains(String articleId) {
    return byArticle.containsKey(articleId);
  }

  /** Entries waiting. */
  public int size() {
    return byArticle.size();
  }
}
