package io.newsdelta.extract;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Which HTML elements flow inline, which are dropped outright, and which start a paragraph. */
final class Tags {

  private static final Set<String> INLINE = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big",
      "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark",
      "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
      "var", "wbr", "br", "picture", "source", "o:p");

  /** Elements that never carry article text. */
  private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "figcaption",
      "template", "iframe", "svg", "canvas", "object", "embed", "input", "button", "select",
      "textarea", "option", "nav", "aside", "footer", "menu", "dialog", "map", "link", "meta");
  private static final Set<String> JUNK_ROLES = Set.of("navigation", "banner", "contentinfo",
      "complementary", "dialog", "alertdialog", "search");

  private Tags() {}

  /** True for elements whose text runs on inside the surrounding paragraph. */
  static boolean isInline(Element el) {
    return INLINE.contains(el.normalName());
  }

  /** True for elements that never carry article text: scripts, navigation, hidden nodes, forms. */
  static boolean isJunk(Element el) {
    if (JUNK_TAGS.contains(el.normalName())) {
      return true;
    }
    if (el.attributesSize() == 0) {
      return false;
    }
    if (el.hasAttr("hidden") || el.attr("aria-hidden").equals("true")
        || JUNK_ROLES.contains(el.attr("role"))) {
      return true;
    }
    String style = el.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String compact = style.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }

  /** True for headings h1 to h6. */
  static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }
}
