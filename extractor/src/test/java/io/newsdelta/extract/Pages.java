package io.newsdelta.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads golden pages from {@code src/test/resources/extract/pages}. */
final class Pages {

  private Pages() {}

  static byte[] bytes(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/extract/pages/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test page " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
