package io.newsdelta.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Finds the story container by the names content systems give it: WordPress {@code entry-content},
 * Blogger {@code post-body}, Drupal {@code field-name-body}, and the {@code article-body} family
 * most news templates use. These names are conventions of the software, not of one site, and they
 * name the story itself, where scoring can be pulled towards a list of teasers or references with
 * more commas. A candidate must carry prose, so an empty or link-only namesake is passed over.
 */
final class Containers {

  /** Class or id fragments, lowercase, that name the story body. */
  private static final String[] BODY_NAMES = {"entry-content", "entry_content", "entrycontent",
      "post-content", "post_content", "postcontent", "post-body", "post_body", "postbody",
      "post-text", "post_text", "post-entry", "postentry", "article-body", "article_body",
      "articlebody", "article__body", "article-content", "article_content", "articlecontent",
      "article__content", "article-text", "article_text", "articletext", "story-body",
      "story_body", "storybody", "story-content", "storycontent", "field-name-body", "body-text",
      "bodytext", "single-content", "blog-content", "news-text", "newstext"};
  private static final int MIN_PROSE = 200;
  /** Class or id fragments of the lead box before the body. */
  private static final String[] LEAD_NAMES = {"intro", "lead", "teaser", "summary", "chapo",
      "standfirst", "abstract", "excerpt"};
  private static final int LEAD_LEVELS = 3;

  private Containers() {}

  /**
   * The named container with the most prose, with the other containers of the same class in document
   * order (a story cut into sections or slides, each in its own {@code bodytext}); empty when none
   * carries at least {@value MIN_PROSE} characters of prose with little link text.
   */
  static List<Element> find(Element body, TextStats stats) {
    Element best = null;
    int bestProse = MIN_PROSE - 1;
    List<Element> named = new ArrayList<>();
    Trees.forEachElement(body, el -> {
      String tag = el.normalName();
      if ((tag.equals("div") || tag.equals("article") || tag.equals("section") || tag.equals("main"))
          && named(el)) {
        named.add(el);
      }
    });
    for (Element el : named) {
      TextStats.Counts c = stats.get(el);
      if (c.prose > bestProse && c.linkDensity() <= 0.3) {
        best = el;
        bestProse = c.prose;
      }
    }
    if (best == null) {
      return List.of();
    }
    List<Element> out = new ArrayList<>();
    for (Element el : named) {
      if (el == best || (!best.className().isEmpty() && el.className().equals(best.className())
          && stats.get(el).linkDensity() <= 0.3 && !nested(el, out) && !nested(best, List.of(el)))) {
        out.add(el);
      }
    }
    return out;
  }

  /** {@code roots} with the lead box before the first of them, if there is one (see {@link #lead}). */
  static List<Element> withLead(List<Element> roots, TextStats stats) {
    Element lead = roots.isEmpty() ? null : lead(roots.get(0), stats);
    if (lead == null) {
      return roots;
    }
    List<Element> out = new ArrayList<>(roots.size() + 1);
    out.add(lead);
    out.addAll(roots);
    return out;
  }

  /**
   * The lead paragraph that templates put just before the body container, in a box of its own named
   * intro, lead, teaser, summary, chapo or standfirst, or as a paragraph in the article's {@code
   * <header>}: the first such box with text before {@code container} under its parent or an ancestor
   * up to {@value LEAD_LEVELS} levels up. Every way of finding the body misses it otherwise.
   */
  private static Element lead(Element container, TextStats stats) {
    Element ancestor = container.parent();
    for (int level = 1; ancestor != null && level <= LEAD_LEVELS; level++) {
      for (Element el : ancestor.getAllElements()) {
        if (el == container) {
          break;
        }
        if (el == ancestor || isAncestorOf(el, container)) {
          continue;
        }
        TextStats.Counts c = stats.get(el);
        if (c.text >= 40 && c.linkDensity() < 0.3 && (isLead(el) || isHeaderParagraph(el))) {
          return el;
        }
      }
      ancestor = ancestor.parent();
    }
    return null;
  }

  /** A paragraph of prose in the {@code <header>} of the article, where templates print the lead. */
  private static boolean isHeaderParagraph(Element el) {
    if (!el.normalName().equals("p") || el.text().length() < 60) {
      return false;
    }
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (e.normalName().equals("header")) {
        return true;
      }
      if (e.normalName().equals("article") || e.normalName().equals("main")) {
        return false;
      }
    }
    return false;
  }

  private static boolean isLead(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    String s = (cls + " " + id).toLowerCase(Locale.ROOT);
    for (String name : LEAD_NAMES) {
      if (s.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAncestorOf(Element ancestor, Element el) {
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (e == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code el} is inside one of {@code containers}. */
  private static boolean nested(Element el, List<Element> containers) {
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (containers.contains(e)) {
        return true;
      }
    }
    return false;
  }

  /** True if the class or id of {@code el} names a story body ({@code entry-content} …). */
  static boolean named(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    String s = (cls + " " + id).toLowerCase(Locale.ROOT);
    for (String name : BODY_NAMES) {
      if (s.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
