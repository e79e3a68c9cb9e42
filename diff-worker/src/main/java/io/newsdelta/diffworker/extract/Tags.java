package io.newsdelta.diffworker.extract;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Which HTML elements flow inline, which are dropped outright, and which start a paragraph. */
final class Tags {

  private static final Set<String> INLINE = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big",
      "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark",
      "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
      "var", "wbr", "br", "picture", "source", "o:p");

  /** Elements that never carry article text. */
  static final String JUNK = "script, style, noscript, figcaption, template, iframe, svg, canvas, object, embed,"
      + " input, button, select, textarea, option, nav, aside, footer, menu, dialog, map, link, meta,"
      + " [hidden], [aria-hidden=true], [style~=display:\\s*none],"
      + " [style~=visibility:\\s*hidden], form[role=search], [role=navigation], [role=banner],"
      + " [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog]";

  private Tags() {}

  /** True for elements whose text runs on inside the surrounding paragraph. */
  static boolean isInline(Element el) {
    return INLINE.contains(el.normalName());
  }

  /** True for headings h1 to h6. */
  static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }
}
