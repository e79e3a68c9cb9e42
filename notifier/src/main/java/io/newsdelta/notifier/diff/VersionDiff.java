package io.newsdelta.notifier.diff;

import io.newsdelta.diff.BodyDiff;
import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.Segment;
import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ArticleVersion;
import java.util.List;
import java.util.Objects;

/**
 * What changed from one version of an article to a later one.
 *
 * @param from the older version
 * @param to the newer version
 * @param headline the headline, word by word
 * @param standfirst the summary under the headline, word by word (empty when neither version has one)
 * @param paragraphs the body, paragraph by paragraph, in the order they read in the newer version
 */
public record VersionDiff(
    ArticleVersion from,
    ArticleVersion to,
    List<Segment> headline,
    List<Segment> standfirst,
    List<ParagraphDiff> paragraphs) {

  public VersionDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    headline = List.copyOf(headline);
    standfirst = List.copyOf(standfirst);
    paragraphs = List.copyOf(paragraphs);
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
        BodyDiff.between(from.paragraphs(), to.paragraphs()).paragraphs());
  }

  /** Whether the headline differs (spacing aside). */
  public boolean headlineChanged() {
    return changed(headline);
  }

  /** Whether the standfirst differs (spacing aside). */
  public boolean standfirstChanged() {
    return changed(standfirst);
  }

  /** The paragraphs that are not {@link ParagraphDiff.Kind#UNCHANGED}. */
  public long changedParagraphs() {
    return paragraphs.stream().filter(p -> p.kind() != ParagraphDiff.Kind.UNCHANGED).count();
  }

  private static boolean changed(List<Segment> segments) {
    return segments.stream().anyMatch(s -> s.kind() != Segment.Kind.EQUAL);
  }
}
