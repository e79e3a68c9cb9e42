package io.newsdelta.diffworker.version;

import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ArticleVersion;
import java.util.List;
import java.util.Objects;

/** Recognises an update that only adds text, as live blogs and growing pages do. */
final class AppendOnly {
  private AppendOnly() {}

  /**
   * Whether {@code to} keeps the headline, standfirst, byline and every paragraph of {@code from} in order
   * (spacing aside) and adds at least one paragraph, anywhere (live blogs add at the top, growing pages at the
   * bottom).
   */
  static boolean between(ArticleVersion from, ArticleVersion to) {
    if (!from.title().equals(to.title())
        || !Objects.equals(from.standfirst(), to.standfirst())
        || !Objects.equals(from.byline(), to.byline())
        || to.paragraphs().size() <= from.paragraphs().size()) {
      return false;
    }
    List<String> old = from.paragraphs();
    int i = 0;
    for (String p : to.paragraphs()) {
      if (i < old.size() && same(old.get(i), p)) {
        i++;
      }
    }
    return i == old.size();
  }

  private static boolean same(String a, String b) {
    return a.equals(b) || WordDiff.words(a).equals(WordDiff.words(b));
  }
}
