package io.newsdelta.notifier.atom;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/** Writes a list of changes as an Atom 1.0 document. */
public final class ChangeFeed {
  /** The tag URI authority and date of every id newsdelta mints (RFC 4151). */
  static final String TAG = "tag:newsdelta,2026:";

  private ChangeFeed() {}

  /**
   * The Atom document.
   *
   * @param key what the feed is of, for its id ({@code all}, {@code feed:URL}, {@code article:ID})
   * @param title the feed's title
   * @param selfUrl the absolute URL of this feed
   * @param changes the changes, newest first
   * @param linkOf the absolute URL of a change's diff page
   * @param contentOf a change's diff as an HTML fragment
   */
  public static String atom(String key, String title, String selfUrl, List<ArticleChange> changes,
      Function<ArticleChange, String> linkOf, Function<ArticleChange, String> contentOf) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setUri(tagUri(key));
    feed.setTitle(title);
    feed.setAuthor("newsdelta");
    feed.setLink(selfUrl);
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(selfUrl);
    self.setType("application/atom+xml");
    feed.setLinks(List.of(self));
    Instant updated = changes.isEmpty() || changes.get(0).toObservedAt() == null
        ? Instant.EPOCH : changes.get(0).toObservedAt();
    feed.setPublishedDate(Date.from(updated));
    List<SyndEntry> entries = new ArrayList<>();
    for (ArticleChange c : changes) {
      SyndEntry e = new SyndEntryImpl();
      e.setUri(tagUri("change:" + c.changeId()));
      String what = c.kind() == null || c.kind() == ArticleChange.Kind.EDIT
          ? "Version " + c.fromVersion() + " → " + c.toVersion()
          : switch (c.kind()) {
            case REMOVED -> "Removed";
            case MOVED -> "Moved";
            default -> "Restored";
          };
      e.setTitle(what + ": " + (c.title() == null ? c.url() : c.title()));
      e.setLink(linkOf.apply(c));
      Date at = Date.from(c.toObservedAt() == null ? Instant.EPOCH : c.toObservedAt());
      e.setUpdatedDate(at);
      e.setPublishedDate(at);
      if (c.summary() != null) {
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(c.summary());
        e.setDescription(summary);
      }
      SyndContent content = new SyndContentImpl();
      content.setType("html");
      content.setValue(contentOf.apply(c));
      e.setContents(List.of(content));
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new NewsdeltaException("cannot write the Atom feed " + key + ": " + e.getMessage(), e);
    }
  }

  /** A stable id: the same change always has the same id, in every feed it appears in. */
  static String tagUri(String key) {
    return TAG + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }
}
