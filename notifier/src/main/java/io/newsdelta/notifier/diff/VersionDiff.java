package io.newsdelta.notifier.diff;

import io.newsdelta.diff.BodyDiff;
import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.Segment;
import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed from one version of an article to a later (or any other) one.
 *
 * @param from the older version
 * @param to the newer version
 * @param headline the headline, word by word
 * @param standfirst the summary under the headline, word by word (empty when neither version has one)
 * @param body the body, paragraph by paragraph, in the order they read in the newer version
 */
public record VersionDiff(
    ArticleVersion from, ArticleVersion to, List<Segment> headline, List<Segment> standfirst, BodyDiff body) {

  public VersionDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    headline = List.copyOf(headline);
    standfirst = List.copyOf(standfirst);
  }

  /**
   * Compares two versions with the same {@link BodyDiff} the change events' hunks come from, so the page and
   * the webhook show the same edits.
   */
  public static VersionDiff between(ArticleVersion from, ArticleVersion to) {
    return new VersionDiff(
        from,
        to,
        WordDiff.readable(from.title(), to.title()),
        WordDiff.readable(from.standfirst(), to.standfirst()),
        BodyDiff.between(from.paragraphs(), to.paragraphs()));
  }

  /** The body's paragraphs. */
  public List<ParagraphDiff> paragraphs() {
    return body.paragraphs();
  }

  /** Whether the headline differs (spacing aside). */
  public boolean headlineChanged() {
    return changed(headline);
  }

  /** Whether the standfirst differs (spacing aside). */
  public boolean standfirstChanged() {
    return changed(standfirst);
  }

  /** Whether anything a reader sees differs. */
  public boolean anyChange() {
    return headlineChanged() || standfirstChanged() || body.changedParagraphs() > 0;
  }

  /**
   * The body as two columns, the older version on the left and the newer on the right, one row per aligned
   * paragraph: an edited paragraph shows its deleted words on the left and its inserted words on the right; a
   * removed paragraph leaves the right cell empty, an added one the left.
   */
  public List<SideBySideRow> sideBySide() {
    List<SideBySideRow> rows = new ArrayList<>();
    for (ParagraphDiff p : body.paragraphs()) {
      List<Segment> left = new ArrayList<>();
      List<Segment> right = new ArrayList<>();
      for (Segment s : p.segments()) {
        switch (s.kind()) {
          case EQUAL -> {
            left.add(s);
            right.add(s);
          }
          case DELETED -> left.add(s);
          case INSERTED -> right.add(s);
        }
      }
      rows.add(new SideBySideRow(p.kind(), left, right));
    }
    return rows;
  }

  private static boolean changed(List<Segment> segments) {
    return segments.stream().anyMatch(s -> s.kind() != Segment.Kind.EQUAL);
  }
}
