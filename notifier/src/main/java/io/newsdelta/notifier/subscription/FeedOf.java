package io.newsdelta.notifier.subscription;

import io.newsdelta.history.ArticleRow;
import io.newsdelta.history.FeedRow;
import io.newsdelta.history.HistoryReader;
import io.newsdelta.notifier.channel.ChangeEvent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The feed a change's article came from, by URL and by name, for a subscription's {@code feeds}. A change carries
 * no feed (the diff worker does not write one), so the feed comes from the history store, which learns each
 * article's feed from ingest's state topic and the feeds' names from the feed registry. Names are re-read at most
 * every {@link #NAMES_FOR} ms; an article not in the history yet has no feed (a subscription by feed then does
 * not match it, which its log line says).
 */
public final class FeedOf implements Function<ChangeEvent, Set<String>> {
  /** How long the feed names read from the history are used before they are read again. */
  static final long NAMES_FOR = 10_000;

  private final Function<String, String> feedOfArticle;
  private final java.util.function.Supplier<Map<String, String>> names;
  private final LongSupplier millis;
  private Map<String, String> nameOf = Map.of();
  private long namesReadAt = Long.MIN_VALUE;

  FeedOf(Function<String, String> feedOfArticle, java.util.function.Supplier<Map<String, String>> names, LongSupplier millis) {
    this.feedOfArticle = feedOfArticle;
    this.names = names;
    this.millis = millis;
  }

  /** Feeds looked up in {@code history}. */
  public static FeedOf from(HistoryReader history) {
    return new FeedOf(id -> history.article(id).map(ArticleRow::feedUrl).orElse(null), () -> {
      Map<String, String> m = new HashMap<>();
      for (FeedRow f : history.feeds(100_000)) {
        if (f.name() != null && !f.name().isBlank()) {
          m.put(f.feedUrl(), f.name());
        }
      }
      return m;
    }, System::currentTimeMillis);
  }

  /** The URL and the name of the feed of {@code event}'s article; empty when not known. */
  @Override
  public Set<String> apply(ChangeEvent event) {
    String url = event.feedUrl() != null ? event.feedUrl() : feedOfArticle.apply(event.change().articleId());
    if (url == null) {
      return Set.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(url);
    String name = name(url);
    if (name != null) {
      keys.add(name);
    }
    return keys;
  }

  private synchronized String name(String url) {
    long now = millis.getAsLong();
    if (namesReadAt == Long.MIN_VALUE || now - namesReadAt >= NAMES_FOR || !nameOf.containsKey(url)
        && now - namesReadAt >= 1_000) {
      nameOf = names.get();
      namesReadAt = now;
    }
    return nameOf.get(url);
  }
}
