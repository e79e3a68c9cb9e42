package io.newsdelta.notifier.channel;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable alert of a change, rendered in one service's markup within its length limit: the headline (old →
 * new when it changed), the one-line summary, the changed passages with deletions and insertions marked, and the
 * link to the diff page. When it does not fit, passages are dropped from the end (and the summary cut last);
 * the link is always there.
 *
 * @param headline the headline now
 * @param previousHeadline the headline before, or null when it did not change
 * @param summary the one-line summary
 * @param edits the changed passages, in reading order
 * @param link the diff page
 */
public record AlertText(String headline, String previousHeadline, String summary, List<Hunk> edits, URI link) {

  /** How a service marks text up. Every method escapes what it is given. */
  public interface Markup {
    /** Plain text, escaped for the service. */
    String text(String s);

    /** Emphasis for the headline. */
    String strong(String s);

    /** Words that were deleted. */
    String deleted(String s);

    /** Words that were inserted. */
    String inserted(String s);

    /** A link with a label. */
    String link(String label, URI url);
  }

  /** The alert of {@code change} with links under {@code publicUrl}. */
  public static AlertText of(ArticleChange change, URI publicUrl) {
    String base = publicUrl.toString().replaceAll("/+$", "");
    String id = URLEncoder.encode(change.articleId(), StandardCharsets.UTF_8);
    // A removal, move or restoration has no text diff (from and to are the same version): link the article page.
    boolean edit = change.kind() == null || change.kind() == ArticleChange.Kind.EDIT;
    URI link = URI.create(edit
        ? base + "/diff?id=" + id + "&from=" + change.fromVersion() + "&to=" + change.toVersion()
        : base + "/article?id=" + id);
    String previous = change.headlineChanged() && change.previousTitle() != null
        && !change.previousTitle().equals(change.title()) ? change.previousTitle() : null;
    return new AlertText(change.title() == null ? change.url() : change.title(), previous,
        change.summary() == null ? "" : change.summary(), change.hunks(), link);
  }

  /** The link's label: "Show the diff", or "Show the article" for a removal, move or restoration. */
  public String linkLabel() {
    return link.getPath() != null && link.getPath().endsWith("/article") ? "Show the article" : "Show the diff";
  }

  /** The headline line: {@code old → new} when it changed. */
  public String headlineLine(Markup m) {
    return previousHeadline == null
        ? m.strong(headline)
        : m.deleted(previousHeadline) + " → " + m.inserted(headline);
  }

  /** One changed passage: the deleted words, then the inserted ones. */
  public static String edit(Markup m, Hunk h) {
    List<String> parts = new ArrayList<>(2);
    if (h.oldText() != null && !h.oldText().isBlank()) {
      parts.add(m.deleted(h.oldText()));
    }
    if (h.newText() != null && !h.newText().isBlank()) {
      parts.add(m.inserted(h.newText()));
    }
    return String.join(" ", parts);
  }

  /**
   * The whole message: headline line, summary, passages (as many as fit), link, joined by {@code newline}, at most
   * {@code limit} characters.
   */
  public String render(Markup m, String newline, int limit, String linkLabel) {
    String head = headlineLine(m);
    String linkLine = m.link(linkLabel, link);
    String summaryLine = m.text(summary);
    int fixed = head.length() + linkLine.length() + 2 * newline.length();
    if (fixed + summaryLine.length() + newline.length() > limit) {
      summaryLine = "";
      if (fixed > limit) {
        head = m.text(cut(headline, Math.max(1, limit - linkLine.length() - newline.length() - 1)));
        fixed = head.length() + linkLine.length() + newline.length();
      }
    }
    StringBuilder out = new StringBuilder(head).append(newline);
    if (!summaryLine.isEmpty()) {
      out.append(summaryLine).append(newline);
    }
    int room = limit - out.length() - linkLine.length();
    String more = m.text("…");
    int shown = 0;
    for (Hunk h : edits) {
      String line = edit(m, h);
      if (line.isEmpty()) {
        continue;
      }
      int need = line.length() + newline.length();
      boolean last = shown == edits.size() - 1;
      if (need + (last ? 0 : more.length() + newline.length()) > room) {
        if (more.length() + newline.length() <= room) {
          out.append(more).append(newline);
        }
        break;
      }
      out.append(line).append(newline);
      room -= need;
      shown++;
    }
    return out.append(linkLine).toString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }
}
