package io.newsdelta.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Picks the element that holds the story, in the spirit of Mozilla Readability: every paragraph of
 * prose gives points to its parent and, decreasingly, to older ancestors; class and id hints and the
 * element type adjust a candidate's start; link density scales the result down. Siblings of the winner
 * that look like more of the same story are kept with it. {@code <article>}, {@code <main>} and
 * {@code itemprop=articleBody} add weight but are never required.
 */
final class ContentScorer {

  private static final int MIN_PARAGRAPH = 25;
  private static final int LEVELS = 5;
  private static final int MIN_ALTERNATIVES = 3;

  private ContentScorer() {}

  /** The chosen body: the winning element and its kept siblings, in document order. */
  record Choice(List<Element> roots, Element top) {}

  /** Scores the cleaned {@code body}; falls back to the body itself when nothing scores. */
  static Choice choose(Element body, TextStats stats) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    Trees.forEachElement(body, el -> givePoints(el, body, stats, scores));
    Element top = null;
    double best = 0;
    for (Map.Entry<Element, double[]> e : scores.entrySet()) {
      double finalScore = e.getValue()[0] * (1 - stats.get(e.getKey()).linkDensity());
      e.getValue()[0] = finalScore;
      if (finalScore > best) {
        best = finalScore;
        top = e.getKey();
      }
    }
    if (top == null) {
      return new Choice(List.of(body), body);
    }
    top = sharedAncestor(top, best, scores, body);
    while (top.parent() != null && top != body && top.parent() != body
        && stats.get(top.parent()).text == stats.get(top).text) {
      top = top.parent();
    }
    double[] s = scores.get(top);
    best = s == null ? best : Math.max(s[0], best);
    return new Choice(withSiblings(top, best, scores, stats), top);
  }

  /** Gives the points of {@code el}, when it is a paragraph of prose, to its parent and older ancestors. */
  private static void givePoints(Element el, Element body, TextStats stats, Map<Element, double[]> scores) {
    TextStats.Counts c = stats.get(el);
    if (c.inline < MIN_PARAGRAPH || Tags.isInline(el) || c.inlineLink * 2 > c.inline) {
      return;
    }
    double points = 1 + c.commas + Math.min(c.inline / 100.0, 3);
    Element ancestor = el.parent();
    for (int level = 1; ancestor != null && level <= LEVELS; level++) {
      double[] s = scores.computeIfAbsent(ancestor, ContentScorer::initial);
      s[0] += level == 1 ? points : level == 2 ? points / 2 : points / (level * 3);
      if (ancestor == body) {
        break;
      }
      ancestor = ancestor.parent();
    }
  }

  /**
   * Readability's check for a story split over several wrappers: when three or more of the
   * strongest candidates sit under one ancestor of the winner, that ancestor holds the story.
   */
  private static Element sharedAncestor(Element top, double best, Map<Element, double[]> scores,
      Element body) {
    List<Element> strong = new ArrayList<>();
    for (Map.Entry<Element, double[]> e : scores.entrySet()) {
      if (e.getKey() != top && e.getValue()[0] >= best * 0.75) {
        strong.add(e.getKey());
      }
    }
    if (strong.size() < MIN_ALTERNATIVES) {
      return top;
    }
    for (Element ancestor = top.parent(); ancestor != null && ancestor != body;
        ancestor = ancestor.parent()) {
      int inside = 0;
      for (Element candidate : strong) {
        if (isAncestor(ancestor, candidate)) {
          inside++;
        }
      }
      if (inside >= MIN_ALTERNATIVES) {
        return ancestor;
      }
    }
    return top;
  }

  private static boolean isAncestor(Element ancestor, Element el) {
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (e == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> withSiblings(Element top, double topScore,
      Map<Element, double[]> scores, TextStats stats) {
    Element parent = top.parent();
    if (parent == null || top == top.ownerDocument().body()) {
      return List.of(top);
    }
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> roots = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        roots.add(sibling);
        continue;
      }
      double[] s = scores.get(sibling);
      double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
          ? topScore * 0.2 : 0;
      TextStats.Counts c = stats.get(sibling);
      boolean prose = sibling.normalName().equals("p") && c.linkDensity() < 0.25
          && (c.text >= 80 || (c.link == 0 && sibling.text().endsWith(".")));
      boolean moreStory = c.prose >= 200 && c.prose * 2 >= c.text && c.linkDensity() < 0.3;
      if ((s != null && s[0] + bonus >= threshold) || prose || moreStory) {
        roots.add(sibling);
      }
    }
    return roots;
  }

  private static double[] initial(Element el) {
    double score = switch (el.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    score += Hints.weight(Hints.describe(el));
    if (el.normalName().equals("article") || el.normalName().equals("main")
        || el.attr("itemprop").equalsIgnoreCase("articleBody")) {
      score += 15;
    }
    return new double[] {score};
  }

  /** A short description of {@code el} for {@link ExtractedArticle#method()}. */
  static String describe(Element el) {
    StringBuilder sb = new StringBuilder(el.normalName());
    if (!el.id().isEmpty()) {
      sb.append('#').append(el.id());
    } else if (!el.className().isBlank()) {
      sb.append('.').append(el.className().trim().split("\\s+")[0]);
    }
    return sb.toString();
  }
}
