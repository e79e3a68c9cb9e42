package io.newsdelta.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures for every element of a document, computed in one traversal so that scoring never
 * calls {@code Element.text()} repeatedly. Lengths count non-whitespace characters.
 */
final class TextStats {

  /** Measures of one element. */
  static final class Counts {
    /** Characters of text anywhere below the element. */
    int text;
    /** Characters of that text inside links. */
    int link;
    /** Characters of text whose nearest block ancestor is this element (its own paragraph text). */
    int inline;
    /** Characters of own paragraph text inside links. */
    int inlineLink;
    /** Commas in own paragraph text (a sign of prose). */
    int commas;
    /** Characters below the element in paragraphs of prose: 80+ characters, under 30% links. */
    int prose;
    /** Headlines ({@code h1}) and declared article bodies at or below the element. */
    int marks;

    /** Share of the text that is link text, 0 to 1. */
    double linkDensity() {
      return text == 0 ? 0 : (double) link / text;
    }
  }

  private static final int PROSE_MIN = 80;

  private final Map<Element, Counts> counts = new IdentityHashMap<>(1024);

  private TextStats() {}

  /** Measures every element under {@code root}. */
  static TextStats of(Element root) {
    TextStats stats = new TextStats();
    NodeTraversor.traverse(stats.new Visitor(), root);
    return stats;
  }

  /** The measures of {@code el}; zeros if it was not under the measured root. */
  Counts get(Element el) {
    Counts c = counts.get(el);
    return c == null ? new Counts() : c;
  }

  private final class Visitor implements NodeVisitor {
    private int linkDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element el) {
        counts.put(el, new Counts());
        if (el.normalName().equals("a")) {
          linkDepth++;
        }
      } else if (node instanceof TextNode text) {
        String s = text.getWholeText();
        int len = 0;
        int commas = 0;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (!TextNormalizer.isSpace(c)) {
            len++;
            if (c == ',') {
              commas++;
            }
          }
        }
        if (len == 0) {
          return;
        }
        Element parent = (Element) text.parentNode();
        Counts own = counts.get(parent);
        own.text += len;
        if (linkDepth > 0) {
          own.link += len;
        }
        Element block = parent;
        while (block != null && Tags.isInline(block) && block.parent() != null) {
          block = block.parent();
        }
        Counts b = counts.get(block);
        if (b != null) {
          b.inline += len;
          b.commas += commas;
          if (linkDepth > 0) {
            b.inlineLink += len;
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (el.normalName().equals("a")) {
          linkDepth--;
        }
        Element parent = el.parent();
        Counts mine = counts.get(el);
        if (mine.inline >= PROSE_MIN && mine.inlineLink * 10 < mine.inline * 3) {
          mine.prose += mine.inline;
        }
        if (el.normalName().equals("h1") || el.attr("itemprop").equalsIgnoreCase("articleBody")) {
          mine.marks++;
        }
        if (parent != null) {
          Counts up = counts.get(parent);
          if (up != null) {
            up.marks += mine.marks;
            up.text += mine.text;
            up.link += mine.link;
            up.prose += mine.prose;
          }
        }
      }
    }
  }
}
