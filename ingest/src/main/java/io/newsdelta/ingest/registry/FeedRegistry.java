package io.newsdelta.ingest.registry;

import io.newsdelta.events.FeedRegistration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feeds this instance owns: those registered on the {@code newsdelta.feeds} partitions assigned to it,
 * each remembered with the partition it was read from. A pure state machine over assignments and registry
 * records, so which feeds are "mine" is decided here and tested without Kafka. Not thread-safe: the
 * registry consumer's thread is its only user.
 *
 * <p>A newly assigned partition is first loaded: read from the beginning to the end it had when it was
 * assigned, and only its net content counts ({@link #loaded(int)}), so a feed registered and removed
 * again long ago is not polled for a moment. After that, each record is a change.
 *
 * <p>A feed is owned while at least one loaded partition holds a live registration for it (with the
 * default partitioner a feed URL is only ever on one partition, but a tool with its own partitioner must
 * not make ingest poll a feed twice or stop it early).
 */
public final class FeedRegistry {
  /** What one registry record, loaded partition or revocation changes for this instance. */
  public sealed interface Change {}

  /**
   * A feed this instance now polls.
   *
   * @param feedUrl the feed URL (the record key)
   * @param name its human name, or null
   * @param partition the partition it was read from
   * @param kind {@code feed} or {@code sitemap} ({@link FeedRegistration#kindOrDefault()})
   * @param schedule {@code gaps} or {@code geometric} ({@link FeedRegistration#scheduleOrDefault()})
   */
  public record Started(URI feedUrl, String name, int partition, String kind, String schedule) implements Change {
    /** A feed of the default kind and schedule. */
    public Started(URI feedUrl, String name, int partition) {
      this(feedUrl, name, partition, FeedRegistration.KIND_FEED, FeedRegistration.SCHEDULE_GAPS);
    }

    static Started of(URI feedUrl, FeedRegistration reg, int partition) {
      return new Started(feedUrl, reg.name(), partition, reg.kindOrDefault(), reg.scheduleOrDefault());
    }
  }

  /**
   * A feed this instance polls already, registered again with another kind or schedule.
   *
   * @param feed the feed as registered now
   */
  public record Restarted(Started feed) implements Change {}

  /**
   * A feed this instance no longer polls.
   *
   * @param feedUrl the feed URL
   */
  public record Stopped(URI feedUrl) implements Change {}

  /**
   * Nothing changes here: a repeated registration, a rename, a tombstone of an unknown feed, a record of a
   * partition still loading or not assigned.
   */
  public record Unchanged() implements Change {}

  /**
   * The record cannot be a feed: the key is missing or not an absolute http(s) URL.
   *
   * @param reason what is wrong, for one log line
   */
  public record Ignored(String reason) implements Change {}

  private static final Unchanged UNCHANGED = new Unchanged();

  /** One assigned partition: its live registrations in the order read, and whether it is loaded. */
  private static final class Partition {
    final Map<URI, FeedRegistration> feeds = new LinkedHashMap<>();
    boolean loaded;
  }

  private final Map<Integer, Partition> partitions = new HashMap<>();

  /** Starts loading {@code assigned}: their records are read from the beginning. */
  public void assign(Collection<Integer> assigned) {
    for (Integer p : assigned) {
      partitions.computeIfAbsent(p, k -> new Partition());
    }
  }

  /**
   * Ends the loading of a partition (read to the end it had when assigned).
   *
   * @return its feeds, now polled, that were not owned already; empty when it is not assigned or was loaded
   */
  public List<Started> loaded(int partition) {
    Partition loading = partitions.get(partition);
    if (loading == null || loading.loaded) {
      return List.of();
    }
    List<Started> started = new ArrayList<>();
    loading.feeds.forEach((url, reg) -> {
      if (!owns(url)) {
        started.add(Started.of(url, reg, partition));
      }
    });
    loading.loaded = true;
    return started;
  }

  /** The assigned partitions still loading. */
  public Set<Integer> loading() {
    Set<Integer> loading = new TreeSet<>();
    partitions.forEach((p, state) -> {
      if (!state.loaded) {
        loading.add(p);
      }
    });
    return loading;
  }

  /**
   * Gives up {@code revoked} partitions (revoked or lost).
   *
   * @return the feeds no longer owned, each once
   */
  public List<Stopped> revoke(Collection<Integer> revoked) {
    List<URI> candidates = new ArrayList<>();
    for (Integer p : revoked) {
      Partition gone = partitions.remove(p);
      if (gone != null && gone.loaded) {
        candidates.addAll(gone.feeds.keySet());
      }
    }
    return candidates.stream().distinct().filter(url -> !owns(url)).map(Stopped::new).toList();
  }

  /**
   * Applies one record of {@code newsdelta.feeds}.
   *
   * @param partition the partition it was read from
   * @param key the record key, the feed URL
   * @param value the registration, or null for a tombstone
   * @return what changes: a feed to start or stop polling, nothing, or a record to ignore
   */
  public Change apply(int partition, String key, FeedRegistration value) {
    Partition target = partitions.get(partition);
    if (target == null) {
      return UNCHANGED;
    }
    URI url;
    try {
      url = feedUrl(key);
    } catch (IllegalArgumentException e) {
      return new Ignored(e.getMessage());
    }
    if (!target.loaded) {
      if (value == null) {
        target.feeds.remove(url);
      } else {
        target.feeds.put(url, value);
      }
      return UNCHANGED;
    }
    if (value == null) {
      if (target.feeds.remove(url) == null || owns(url)) {
        return UNCHANGED;
      }
      return new Stopped(url);
    }
    boolean owned = owns(url);
    FeedRegistration before = target.feeds.put(url, value);
    if (owned && before != null && !(before.kindOrDefault().equals(value.kindOrDefault())
        && before.scheduleOrDefault().equals(value.scheduleOrDefault()))) {
      // Re-registered with another kind or schedule: the service polls it anew, the new way.
      return new Restarted(Started.of(url, value, partition));
    }
    return owned ? UNCHANGED : Started.of(url, value, partition);
  }

  /** Whether this instance polls {@code feedUrl}. */
  public boolean owns(URI feedUrl) {
    return partitions.values().stream().anyMatch(p -> p.loaded && p.feeds.containsKey(feedUrl));
  }

  /** The partitions assigned, loaded or not. */
  public Set<Integer> assigned() {
    return new TreeSet<>(partitions.keySet());
  }

  /** Every owned feed with the partition it was read from. */
  public Map<URI, Integer> feeds() {
    Map<URI, Integer> all = new LinkedHashMap<>();
    partitions.forEach((p, state) -> {
      if (state.loaded) {
        state.feeds.keySet().forEach(url -> all.putIfAbsent(url, p));
      }
    });
    return all;
  }

  /** The key as a feed URL: absolute, http or https. */
  static URI feedUrl(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("the record has no key; the key must be the feed URL");
    }
    URI url;
    try {
      url = new URI(key);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("key '" + key + "' is not a URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("key '" + key + "' is not an absolute http or https URL");
    }
    return url;
  }
}
