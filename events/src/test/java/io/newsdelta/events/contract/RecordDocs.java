package io.newsdelta.events.contract;

import io.newsdelta.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of an event record, read from its source file: the records document every field with
 * {@code @param} (they are the wire contract), and the schemas carry those words as descriptions rather
 * than a second copy in annotations that would drift.
 *
 * @param description the type's description (the Javadoc text before the first tag)
 * @param fields the {@code @param} text of each record component
 */
record RecordDocs(String description, Map<String, String> fields) {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|link|linkplain|literal) ([^}]*)}");

  static final RecordDocs NONE = new RecordDocs(null, Map.of());

  /** The Javadoc of {@code type}, or {@link #NONE} when its source is not in this module. */
  static RecordDocs of(Class<?> type) {
    Class<?> outer = type;
    while (outer.getEnclosingClass() != null) {
      outer = outer.getEnclosingClass();
    }
    Path source = ContractFiles.moduleDir()
        .resolve("src/main/java")
        .resolve(outer.getName().replace('.', '/') + ".java");
    if (!Files.isRegularFile(source)) {
      return NONE;
    }
    String text = ContractFiles.read(source);
    Matcher declaration =
        Pattern.compile("(?:record|class|enum|interface)\\s+" + type.getSimpleName() + "\\b").matcher(text);
    if (!declaration.find()) {
      return NONE;
    }
    int end = text.lastIndexOf("*/", declaration.start());
    int start = end < 0 ? -1 : text.lastIndexOf("/**", end);
    if (start < 0 || !text.substring(end + 2, declaration.start()).replaceAll("(?s)@\\w+(\\([^)]*\\))?", "")
        .replaceAll("\\b(public|final|static|sealed|abstract)\\b", "").isBlank()) {
      return NONE;
    }
    return parse(text.substring(start + 3, end));
  }

  static RecordDocs parse(String comment) {
    StringBuilder joined = new StringBuilder();
    for (String line : comment.split("\n")) {
      joined.append(line.replaceFirst("^\\s*\\*\\s?", "").strip()).append(' ');
    }
    String[] parts = joined.toString().split("(?=@(?:param|see|since|throws|return)\\s)");
    String description = clean(parts[0]);
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith("@param ")) {
        String[] nameAndText = parts[i].substring("@param ".length()).strip().split("\\s+", 2);
        fields.put(nameAndText[0], nameAndText.length > 1 ? clean(nameAndText[1]) : "");
      }
    }
    return new RecordDocs(description.isEmpty() ? null : description, fields);
  }

  private static String clean(String text) {
    return INLINE_TAG.matcher(text.replaceAll("\\s+", " ").strip())
        .replaceAll(m -> Matcher.quoteReplacement(
            m.group(1).startsWith("link") ? linkText(m.group(2).strip()) : m.group(2).strip()))
        .replaceAll("<[^>]+>", "");
  }

  /** {@code Topics#RAW_VERSIONS} reads as the topic's name, {@code ArticleIds#of(String)} as {@code ArticleIds.of}. */
  private static String linkText(String target) {
    String[] classAndMember = target.split("#", 2);
    if (classAndMember.length == 1) {
      return target;
    }
    String member = classAndMember[1].replaceFirst("\\(.*", "");
    if (classAndMember[0].equals(Topics.class.getSimpleName())) {
      try {
        return String.valueOf(Topics.class.getField(member).get(null));
      } catch (ReflectiveOperationException e) {
        return member;
      }
    }
    return (classAndMember[0].isEmpty() ? "" : classAndMember[0] + ".") + member;
  }
}
