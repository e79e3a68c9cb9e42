package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the one the key declarations write. */
class ConfigDocsTest {
  /** The README of the repository (tests run in the module's directory). */
  private static final Path README = Path.of("..", "README.md");

  @Test
  void shouldHaveTheReadmeTableTheDeclarationsWrite() throws Exception {
    String readme = Files.readString(README);
    int begin = readme.indexOf(ConfigDocs.BEGIN);
    int end = readme.indexOf(ConfigDocs.END);
    assertThat(begin).as("README.md has the line " + ConfigDocs.BEGIN).isNotNegative();
    assertThat(end).as("README.md has the line " + ConfigDocs.END + " after it").isGreaterThan(begin);

    assertThat(readme.substring(begin + ConfigDocs.BEGIN.length() + 1, end))
        .as("README.md's configuration table differs from the key declarations; regenerate it with "
            + "`java -jar app/target/newsdelta.jar config docs --readme README.md` (the table expected is below)")
        .isEqualTo(ConfigDocs.table());
  }

  @Test
  void shouldListEveryKeyWithItsDefaultWhatItAllowsAndItsMeaning() {
    String table = ConfigDocs.table();

    assertThat(table.lines().skip(2)).hasSize(ConfigKeys.ALL.size());
    assertThat(table)
        .contains("| `ingest.feed-poll-interval` | `5m` | " + IngestKeys.FEED_POLL_INTERVAL.type().docs() + " | how often each feed is polled")
        .contains("| `ingest.article-recheck` | `[5m, 15m, 30m, 1h, 2h, 4h, 8h, 1d, 2d, 7d]` |")
        .contains("| `kafka.bootstrap-servers` | `\"\"` |")
        .contains("| `notifier.http.port` | `8080` | a whole number from 0 to 65535 |")
        .contains("| `notifier.smtp.password-file` | none |")
        .contains("| `extract.sites` | none |");
  }

  @Test
  void shouldEscapePipesSoACellDoesNotSplit() {
    Key<String> key = Key.of("x.y", Type.text("a or b", null), "a|b", "one | two");

    assertThat(ConfigDocs.table(java.util.List.of(key))).endsWith("| `x.y` | `a\\|b` | a or b | one \\| two |\n");
  }
}
