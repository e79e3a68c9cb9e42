package io.newsdelta.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Removes what never is article text before scoring: scripts, styles, navigation, hidden nodes, and
 * elements whose class or id names boilerplate (see {@link Hints}). An element that holds a large
 * share of the page's text, the headline or the declared article body is never removed, so a layout
 * wrapper called {@code page-with-sidebar} survives.
 */
final class Cleaner {

  private static final double PROTECTED_SHARE = 0.4;

  private Cleaner() {}

  /** Removes boilerplate from {@code body} in place. */
  static void clean(Element body, List<String> extraDrops) {
    for (String selector : extraDrops) {
      body.select(selector).remove();
    }
    TextStats before = TextStats.of(body);
    int total = Math.max(1, before.get(body).text);
    Deque<Element> stack = new ArrayDeque<>();
    pushChildren(body, stack);
    while (!stack.isEmpty()) {
      Element el = stack.pop();
      if (Tags.isJunk(el) && before.get(el).text < total * PROTECTED_SHARE) {
        el.remove();
        continue;
      }
      String described = Hints.describe(el);
      if (Hints.isBoilerplate(described) && !isProtected(el, described, before, total)) {
        el.remove();
      } else {
        pushChildren(el, stack);
      }
    }
  }

  private static boolean isProtected(Element el, String described, TextStats stats, int total) {
    int text = stats.get(el).text;
    if (text >= total * PROTECTED_SHARE) {
      return true;
    }
    if (text == 0) {
      return false;
    }
    if (el.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return true;
    }
    boolean commentish = described.contains("comment") || described.contains("kommentar")
        || (Hints.isNeverStory(described) && !Containers.named(el));
    TextStats.Counts c = stats.get(el);
    if (!commentish && c.prose >= 400 && c.prose * 2 >= c.text) {
      return true;
    }
    if (!commentish && Hints.isPositive(described) && text > 500
        && stats.get(el).linkDensity() < 0.3) {
      return true;
    }
    return c.marks > 0;
  }

  /**
   * Pushes the child elements of {@code el}, last first, so they pop in document order. Walks the child nodes
   * directly: {@code childrenSize()} and {@code child(i)} build (and, after a removal, rebuild) jsoup's list of
   * child elements through a stream for every element, a measurable share of extraction.
   */
  private static void pushChildren(Element el, Deque<Element> stack) {
    for (int i = el.childNodeSize() - 1; i >= 0; i--) {
      if (el.childNode(i) instanceof Element child) {
        stack.push(child);
      }
    }
  }
}
