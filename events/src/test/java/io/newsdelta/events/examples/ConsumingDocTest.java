package io.newsdelta.events.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java shown in docs/consuming.md is the code of the example its IT runs, line for line. */
class ConsumingDocTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

  @Test
  void shouldShowOnlyLinesOfTheTestedExample() throws IOException {
    String doc = Files.readString(MODULE.resolve("../docs/consuming.md"));
    String source = Files.readString(
        MODULE.resolve("src/test/java/io/newsdelta/events/examples/ChangeConsumerExample.java"));
    List<String> shown = javaBlockLines(doc);
    assertThat(shown).hasSizeGreaterThan(10);
    List<String> sourceLines = source.lines().map(String::strip).toList();
    assertThat(shown).allSatisfy(line -> assertThat(sourceLines).contains(line));
  }

  private static List<String> javaBlockLines(String doc) {
    List<String> lines = new ArrayList<>();
    boolean inJava = false;
    for (String line : doc.lines().toList()) {
      if (line.startsWith("```")) {
        inJava = line.equals("```java");
      } else if (inJava && !line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}
