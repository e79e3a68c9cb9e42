package io.newsdelta.notifier.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
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
   * Compares two versions: paragraphs are aligned first (so a paragraph inserted at the top does not make
   * every later one look edited), then each edited paragraph is compared word by word.
   */
  public static VersionDiff between(ArticleVersion from, ArticleVersion to) {
    return new VersionDiff(
        from,
        to,
        WordDiff.between(from.title(), to.title()),
        WordDiff.between(from.standfirst(), to.standfirst()),
        paragraphs(from.paragraphs(), to.paragraphs()));
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

  static List<ParagraphDiff> paragraphs(List<String> oldParas, List<String> newParas) {
    List<String> oldKeys = oldParas.stream().map(VersionDiff::key).toList();
    List<String> newKeys = newParas.stream().map(VersionDiff::key).toList();
    List<ParagraphDiff> out = new ArrayList<>();
    int oldPos = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(oldKeys, newKeys).getDeltas()) {
      int start = delta.getSource().getPosition();
      unchanged(out, oldParas.subList(oldPos, start));
      List<String> removed = oldParas.subList(start, start + delta.getSource().size());
      int newStart = delta.getTarget().getPosition();
      List<String> added = newParas.subList(newStart, newStart + delta.getTarget().size());
      // Pair the removed and added paragraphs in order: an edit of two sentences in one paragraph reads
      // as that paragraph with words struck and inserted; what is left over was removed or added whole.
      int paired = Math.min(removed.size(), added.size());
      for (int i = 0; i < paired; i++) {
        out.add(new ParagraphDiff(ParagraphDiff.Kind.CHANGED, WordDiff.between(removed.get(i), added.get(i))));
      }
      for (String p : removed.subList(paired, removed.size())) {
        out.add(new ParagraphDiff(ParagraphDiff.Kind.DELETED, List.of(new Segment(Segment.Kind.DELETED, normal(p)))));
      }
      for (String p : added.subList(paired, added.size())) {
        out.add(new ParagraphDiff(ParagraphDiff.Kind.INSERTED, List.of(new Segment(Segment.Kind.INSERTED, normal(p)))));
      }
      oldPos = start + delta.getSource().size();
    }
    unchanged(out, oldParas.subList(oldPos, oldParas.size()));
    return out;
  }

  private static void unchanged(List<ParagraphDiff> out, List<String> paras) {
    for (String p : paras) {
      out.add(new ParagraphDiff(ParagraphDiff.Kind.UNCHANGED, List.of(new Segment(Segment.Kind.EQUAL, normal(p)))));
    }
  }

  /** Paragraphs that differ only in spacing are the same paragraph. */
  private static String key(String paragraph) {
    return normal(paragraph);
  }

  private static String normal(String text) {
    return String.join(" ", WordDiff.words(text));
  }
}
