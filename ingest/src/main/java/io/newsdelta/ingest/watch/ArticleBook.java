package io.newsdelta.ingest.watch;

import io.newsdelta.ingest.state.ArticleState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which articles are this instance's to check: every article it knows, indexed by the feed it belongs to
 * ({@link ArticleState#feedUrl()}, the feed it was first found in), and the feeds it owns. An article is
 * "mine" when its feed is owned; only mine are fetched and scheduled. The others are kept too, so an
 * article another instance already found is not taken for a new one here when a second feed lists it.
 *
 * <p>Pure bookkeeping, no I/O, not thread-safe: {@link ArticleWatcher} guards it with one lock.
 */
public final class ArticleBook {
  private final Map<String, ArticleState> states = new HashMap<>();
  private final Map<String, Set<String>> byFeed = new HashMap<>();
  private final Set<String> ownedFeeds = new HashSet<>();
  private final Map<String, String> feedUrls = new HashMap<>();

  /** Whether the articles of {@code feedUrl} are this instance's. */
  public boolean owns(String feedUrl) {
    return ownedFeeds.contains(feedUrl);
  }

  /** The article's state when it is known and its feed is owned. */
  public Optional<ArticleState> mine(String articleId) {
    ArticleState state = states.get(articleId);
    return state != null && owns(state.feedUrl()) ? Optional.of(state) : Optional.empty();
  }

  /**
   * Takes an article just found in a feed.
   *
   * @return true when it is new and its feed is owned (it is to be fetched); false when it is known
   *     already (whichever feed it belongs to) or its feed is not owned
   */
  public boolean discover(ArticleState fresh) {
    if (!owns(fresh.feedUrl()) || states.containsKey(fresh.articleId())) {
      return false;
    }
    put(fresh);
    return true;
  }

  /**
   * Records an article's new state after a check.
   *
   * @return whether the article is still mine (so its next check is to be scheduled)
   */
  public boolean update(ArticleState state) {
    put(state);
    return owns(state.feedUrl());
  }

  /**
   * Takes ownership of a feed's articles.
   *
   * @return its known articles with checks left, to schedule
   */
  public List<ArticleState> own(String feedUrl) {
    if (!ownedFeeds.add(feedUrl)) {
      return List.of();
    }
    return byFeed.getOrDefault(feedUrl, Set.of()).stream()
        .map(states::get)
        .filter(s -> s.nextCheckAt() != null)
        .toList();
  }

  /**
   * Gives up feeds; their articles stay known but are no longer mine.
   *
   * @return the ids of their articles, to unschedule
   */
  public List<String> disown(Collection<String> feedUrls) {
    List<String> ids = new ArrayList<>();
    for (String feedUrl : feedUrls) {
      if (ownedFeeds.remove(feedUrl)) {
        ids.addAll(byFeed.getOrDefault(feedUrl, Set.of()));
      }
    }
    return ids;
  }

  /**
   * Merges states read back from Kafka. The state of an article that is mine is kept as it is here (this
   * instance wrote it last); any other article takes the state read, which another instance may have
   * written since it was last read.
   *
   * @return the articles that became mine through the merge with checks left, to schedule
   */
  public List<ArticleState> merge(Map<String, ArticleState> restored) {
    List<ArticleState> toSchedule = new ArrayList<>();
    for (ArticleState read : restored.values()) {
      if (mine(read.articleId()).isPresent()) {
        continue;
      }
      put(read);
      if (owns(read.feedUrl()) && read.nextCheckAt() != null) {
        toSchedule.add(read);
      }
    }
    return toSchedule;
  }

  /** Articles known, mine or not. */
  public int known() {
    return states.size();
  }

  /**
   * The checks of owned articles that fell due before {@code now} and are not done yet (waiting for their host,
   * or in flight).
   *
   * @param count how many
   * @param oldest when the oldest of them fell due, or null when none did
   */
  public record Overdue(int count, java.time.Instant oldest) {}

  /** What is overdue at {@code now}; one pass over the owned articles (feed health reads it every few seconds). */
  public Overdue overdue(java.time.Instant now) {
    int count = 0;
    java.time.Instant oldest = null;
    for (String feed : ownedFeeds) {
      for (String id : byFeed.getOrDefault(feed, Set.of())) {
        ArticleState s = states.get(id);
        java.time.Instant due = s == null ? null : s.nextCheckAt();
        if (due != null && due.isBefore(now)) {
          count++;
          oldest = oldest == null || due.isBefore(oldest) ? due : oldest;
        }
      }
    }
    return new Overdue(count, oldest);
  }

  /** Articles of owned feeds. */
  public int mine() {
    return ownedFeeds.stream().mapToInt(f -> byFeed.getOrDefault(f, Set.of()).size()).sum();
  }

  private void put(ArticleState given) {
    // Every article of a feed shares one feed URL string (memory per article).
    String feed = feedUrls.computeIfAbsent(given.feedUrl(), f -> f);
    ArticleState state = feed == given.feedUrl() ? given : given.withFeedUrl(feed);
    ArticleState previous = states.put(state.articleId(), state);
    if (previous != null && !Objects.equals(previous.feedUrl(), state.feedUrl())) {
      Set<String> ids = byFeed.get(previous.feedUrl());
      ids.remove(state.articleId());
      if (ids.isEmpty()) {
        byFeed.remove(previous.feedUrl());
      }
    }
    byFeed.computeIfAbsent(state.feedUrl(), k -> new HashSet<>()).add(state.articleId());
  }
}
