package io.newsdelta.config;

import java.util.List;

/**
 * The README's configuration table, written from the key declarations ({@link ConfigKeys#ALL}); a test fails
 * when the README's copy differs, and {@code newsdelta config docs --readme README.md} rewrites it.
 */
public final class ConfigDocs {
  /** The line before the generated table. */
  public static final String BEGIN =
      "<!-- config-table:begin (generated from the key declarations: newsdelta config docs --readme README.md) -->";
  /** The line after it. */
  public static final String END = "<!-- config-table:end -->";

  private ConfigDocs() {}

  /** The table of every key: name, default, what is allowed, what it does. */
  public static String table() {
    return table(ConfigKeys.ALL);
  }

  static String table(List<Key<?>> keys) {
    StringBuilder out = new StringBuilder("| key | default | allowed | meaning |\n|---|---|---|---|\n");
    for (Key<?> key : keys) {
      out.append("| `").append(key.path()).append("` | ")
          .append(cell(key.defaultShown())).append(" | ")
          .append(cell(key.type().docs())).append(" | ")
          .append(cell(key.description())).append(" |\n");
    }
    return out.toString();
  }

  /**
   * The README with the text between {@link #BEGIN} and {@link #END} replaced by {@link #table()}.
   *
   * @throws IllegalArgumentException when the markers are missing
   */
  public static String replaceTable(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the README has no lines " + BEGIN + " and " + END);
    }
    return readme.substring(0, begin) + BEGIN + "\n" + table() + readme.substring(end);
  }

  /** A pipe inside a cell would end it (GitHub's tables honour the escape inside code spans too). */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
