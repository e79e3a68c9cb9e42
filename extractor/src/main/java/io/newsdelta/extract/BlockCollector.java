package io.newsdelta.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts the chosen body into paragraphs in reading order. Every block element (paragraph, heading,
 * list item, quote, cell, or a {@code div} with loose text) ends the running paragraph; two line
 * breaks in a row do too. Paragraphs that are mostly link text, and short stamps and buttons (see
 * {@link Stamps}), are dropped; containers that are mostly links are skipped whole.
 */
final class BlockCollector {

  private final TextStats stats;
  private final List<String> paragraphs = new ArrayList<>();
  private final StringBuilder run = new StringBuilder(512);
  private int runLinkChars;
  private int runChars;
  private int linkDepth;
  private boolean lastWasBreak;

  private BlockCollector(TextStats stats) {
    this.stats = stats;
  }

  /** The normalised paragraphs under {@code roots}, in document order. */
  static List<String> collect(List<Element> roots, TextStats stats) {
    BlockCollector collector = new BlockCollector(stats);
    for (Element root : roots) {
      collector.block(root);
    }
    return collector.paragraphs;
  }

  private void block(Element el) {
    flush();
    walkChildren(el);
    flush();
  }

  private void walkChildren(Element el) {
    for (int i = 0, n = el.childNodeSize(); i < n; i++) {
      Node child = el.childNode(i);
      if (child instanceof TextNode text) {
        text(text.getWholeText());
      } else if (child instanceof Element e) {
        element(e);
      }
    }
  }

  private void element(Element el) {
    String tag = el.normalName();
    if (tag.equals("br")) {
      if (lastWasBreak) {
        flush();
      } else {
        run.append(' ');
        lastWasBreak = true;
      }
      return;
    }
    if (Tags.isInline(el)) {
      boolean link = tag.equals("a");
      if (link) {
        linkDepth++;
      }
      walkChildren(el);
      if (link) {
        linkDepth--;
      }
      return;
    }
    if (isLinkContainer(el)) {
      flush();
      return;
    }
    block(el);
  }

  private boolean isLinkContainer(Element el) {
    TextStats.Counts c = stats.get(el);
    if (c.text == 0) {
      return false;
    }
    String tag = el.normalName();
    boolean container = tag.equals("ul") || tag.equals("ol") || tag.equals("dl")
        || tag.equals("div") || tag.equals("section") || tag.equals("table")
        || tag.equals("header");
    return container && c.linkDensity() > 0.5;
  }

  private void text(String s) {
    int chars = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!TextNormalizer.isSpace(s.charAt(i))) {
        chars++;
      }
    }
    if (chars > 0) {
      lastWasBreak = false;
      runChars += chars;
      if (linkDepth > 0) {
        runLinkChars += chars;
      }
    }
    run.append(s);
  }

  private void flush() {
    lastWasBreak = false;
    if (runChars > 0) {
      boolean mostlyLinks = runLinkChars * 2 > runChars;
      String text = TextNormalizer.normalize(run.toString());
      if (!mostlyLinks && !text.isEmpty() && !Stamps.isBoilerplate(text)) {
        paragraphs.add(text);
      }
    }
    run.setLength(0);
    runChars = 0;
    runLinkChars = 0;
  }
}
