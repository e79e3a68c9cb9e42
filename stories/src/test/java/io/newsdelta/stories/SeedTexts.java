package io.newsdelta.stories;

import io.newsdelta.events.ArticleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The seed texts under {@code /seed}: headline on the first line, one paragraph per next line. {@code v4},
 * {@code v5}: the BBC story; {@code other-outlet}: the same story told by another outlet a day later;
 * {@code synthetic-bbc-follow-up}: a follow-up written for the tests (synthetic), reusing three of the BBC
 * story's background paragraphs word for word, as an outlet's follow-ups do.
 */
public final class SeedTexts {
  private SeedTexts() {}

  public static List<String> lines(String name) {
    return resource("/seed/" + name + ".txt");
  }

  /** The non-blank lines of a test resource. */
  public static List<String> resource(String path) {
    try (InputStream in = SeedTexts.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A version of the text as the diff worker would publish it. */
  public static ArticleVersion version(String name, String url, int version, Instant observedAt) {
    List<String> lines = lines(name);
    return new ArticleVersion(url, url, version, observedAt, lines.get(0), null, lines.subList(1, lines.size()),
        "sha-" + name, null);
  }
}
