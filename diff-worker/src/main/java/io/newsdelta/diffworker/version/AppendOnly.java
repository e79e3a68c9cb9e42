package io.newsdelta.diffworker.version;

import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ArticleVersion;
import java.util.List;
import java.util.Objects;

/** Recognises an update that only adds text, as live blogs and growing pages do. */
final class AppendOnly {
  private AppendOnly() {}

  /**
   * Whether {@code to} keeps the headline, standfirst, byline and every paragraph of {@code from} in order and
   * together (spacing aside), and adds at least one paragraph before them, after them, or both: live blogs add at
   * the top, growing pages at the bottom. A paragraph inserted between two old ones is an editor's change to the
   * story, announced at once like any other edit.
   */
  static boolean between(ArticleVersion from, ArticleVersion to) {
    if (!from.title().equals(to.title())
        || !Objects.equals(from.standfirst(), to.standfirst())
        || !Objects.equals(from.byline(), to.byline())
        || to.paragraphs().size() <= from.paragraphs().size()) {
      return false;
    }
    List<String> old = from.paragraphs();
    List<String> now = to.paragraphs();
    for (int start = 0; start + old.size() <= now.size(); start++) {
      if (keptFrom(old, now, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean keptFrom(List<String> old, List<String> now, int start) {
    for (int i = 0; i < old.size(); i++) {
      if (!same(old.get(i), now.get(start + i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String a, String b) {
    return a.equals(b) || WordDiff.words(a).equals(WordDiff.words(b));
  }
}
