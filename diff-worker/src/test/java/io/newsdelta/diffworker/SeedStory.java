package io.newsdelta.diffworker;

import io.newsdelta.diffworker.version.ArticleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Versions 4 and 5 of the seed BBC story: headline on the first line, one paragraph per next line. */
public final class SeedStory {
  private SeedStory() {}

  public static ArticleText version(int n) {
    try (InputStream in = SeedStory.class.getResourceAsStream("/seed/v" + n + ".txt")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return new ArticleText(lines.get(0), null, null, lines.subList(1, lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
