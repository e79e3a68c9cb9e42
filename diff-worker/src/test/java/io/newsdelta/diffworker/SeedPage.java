package io.newsdelta.diffworker;

import io.newsdelta.diffworker.version.ArticleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Renders a version of the seed story into an old-style table layout with no {@code <article>} element (the
 * demo in the app module uses a modern layout); the render number varies only the boilerplate.
 */
public final class SeedPage {
  private SeedPage() {}

  public static String html(ArticleText text, int render) {
    String body =
        text.paragraphs().stream()
            .map(p -> p.length() < 30 && !p.endsWith(".") ? "<h2>" + p + "</h2>" : "<p>" + p + "</p>")
            .collect(Collectors.joining("\n"));
    String popular =
        java.util.stream.IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "<li><a href=\"/news/" + (render * 10 + i) + "\">Popular story number " + (render * 10 + i)
                + " everyone is reading</a></li>")
            .collect(Collectors.joining("\n"));
    return template()
        .replace("{{TITLE}}", text.title())
        .replace("{{CANONICAL}}", "https://news.example/uk-politics/8020039")
        .replace("{{RENDER}}", String.valueOf(render))
        .replace("{{AD}}", "Buy product " + render)
        .replace("{{UPDATED}}", String.valueOf(render * 5))
        .replace("{{BODY}}", body)
        .replace("{{POPULAR}}", popular);
  }

  private static String template() {
    try (InputStream in = SeedPage.class.getResourceAsStream("/seed/page.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
