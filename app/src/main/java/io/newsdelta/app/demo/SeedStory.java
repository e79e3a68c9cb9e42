package io.newsdelta.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seed story (a BBC article of 2009 as recorded by News Sniffer), versions 4 and 5, and the news page and
 * RSS feed it is published in. The render number changes only the boilerplate (sidebar, ad, "last updated").
 */
public final class SeedStory {
  private final String title;
  private final List<String> paragraphs;

  private SeedStory(String title, List<String> paragraphs) {
    this.title = title;
    this.paragraphs = paragraphs;
  }

  /** Version 4 or 5 of the story. */
  public static SeedStory version(int n) {
    List<String> lines = resource("/demo/v" + n + ".txt").lines().toList();
    return new SeedStory(lines.get(0), lines.subList(1, lines.size()));
  }

  public String title() {
    return title;
  }

  public List<String> paragraphs() {
    return paragraphs;
  }

  /** The article page; short unpunctuated lines are the story's sub-headings. */
  public String page(String canonicalUrl, int render) {
    String body =
        paragraphs.stream()
            .map(p -> p.length() < 30 && !p.endsWith(".") ? "    <h2>" + p + "</h2>" : "    <p>" + p + "</p>")
            .collect(Collectors.joining("\n"));
    String popular =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "      <li><a href=\"/news/" + (render * 10 + i) + "\">Most read story " + (render * 10 + i)
                + ": what everyone is reading</a></li>")
            .collect(Collectors.joining("\n"));
    return resource("/demo/page.html")
        .replace("{{TITLE}}", title)
        .replace("{{CANONICAL}}", canonicalUrl)
        .replace("{{RENDER}}", String.valueOf(render))
        .replace("{{AD}}", "Holiday offers, render " + render)
        .replace("{{UPDATED}}", String.format("10:%02d", (render * 7) % 60))
        .replace("{{BODY}}", body)
        .replace("{{POPULAR}}", popular);
  }

  /** An RSS 2.0 feed with this story as its one item. */
  public String rss(String siteUrl, String articleUrl) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Demo News - UK Politics</title>
            <link>%s</link>
            <description>The latest stories</description>
            <item>
              <title>%s</title>
              <link>%s</link>
              <guid isPermaLink="true">%s</guid>
              <pubDate>Mon, 27 Apr 2009 10:00:00 GMT</pubDate>
            </item>
          </channel>
        </rss>
        """.formatted(siteUrl, title, articleUrl, articleUrl);
  }

  private static String resource(String name) {
    try (InputStream in = SeedStory.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
