package io.newsdelta.extract;

import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Walks of a jsoup tree that build no list: the extractor walks every page several times. */
final class Trees {

  private Trees() {}

  /**
   * Calls {@code action} for {@code root} and every element below it, in document order: the elements and order
   * of {@code root.getAllElements()}, without the stream and list jsoup builds for it (a measurable share of
   * extraction on 100–300 KB pages). {@code action} must not change the tree.
   */
  static void forEachElement(Element root, Consumer<Element> action) {
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element el) {
          action.accept(el);
        }
      }
    }, root);
  }
}
