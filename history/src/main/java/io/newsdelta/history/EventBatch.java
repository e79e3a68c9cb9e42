package io.newsdelta.history;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.FeedRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * Events read from the topics, written to the store in one transaction.
 *
 * @param versions from {@code newsdelta.article-versions}
 * @param changes from {@code newsdelta.article-changes}
 * @param feeds registered feeds (from {@code newsdelta.feeds})
 * @param memberships which feed each article belongs to (from {@code newsdelta.ingest.state})
 */
public record EventBatch(
    List<ArticleVersion> versions,
    List<ArticleChange> changes,
    List<FeedRegistration> feeds,
    List<FeedMembership> memberships) {

  public EventBatch {
    versions = List.copyOf(versions);
    changes = List.copyOf(changes);
    feeds = List.copyOf(feeds);
    memberships = List.copyOf(memberships);
  }

  /** How many events the batch holds. */
  public int size() {
    return versions.size() + changes.size() + feeds.size() + memberships.size();
  }

  /** Collects a batch. */
  public static final class Builder {
    private final List<ArticleVersion> versions = new ArrayList<>();
    private final List<ArticleChange> changes = new ArrayList<>();
    private final List<FeedRegistration> feeds = new ArrayList<>();
    private final List<FeedMembership> memberships = new ArrayList<>();

    public Builder add(ArticleVersion v) {
      versions.add(v);
      return this;
    }

    public Builder add(ArticleChange c) {
      changes.add(c);
      return this;
    }

    public Builder add(FeedRegistration f) {
      feeds.add(f);
      return this;
    }

    public Builder add(FeedMembership m) {
      memberships.add(m);
      return this;
    }

    public EventBatch build() {
      return new EventBatch(versions, changes, feeds, memberships);
    }
  }
}
