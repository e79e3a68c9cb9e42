package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.app.Main;
import io.newsdelta.events.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void shouldPrintTheEffectiveConfigurationWithDefaultsInTheFilesOwnStyle() throws Exception {
    Path file = Files.writeString(dir.resolve("newsdelta.yml"),
        "feeds:\n  - url: https://a.example/rss\n    name: A\ningest:\n  feed-poll-interval: 2m\n");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    int status = cli.execute("config", "show", "--config", file.toString());

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("feed-poll-interval: 2m")
        .contains("https://a.example/rss")
        .contains("bootstrap-servers:")
        .contains("data-dir: ./data/kafka");
  }

  @Test
  void shouldGenerateABashCompletionScriptThatKnowsTheCommands() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("generate-completion")).isZero();
    assertThat(out.toString()).contains("complete -F").contains("tail").contains("config");
  }

  @Test
  void shouldMaskEverySecretWhereverItIsNested() {
    JsonNode tree = Json.read("{\"notifier\": {\"smtp\": {\"host\": \"smtp.example\", \"password\": \"hunter2\"},"
        + " \"api-token\": \"t0k\", \"channels\": [{\"name\": \"hook\", \"secret\": \"whsec_abc\"}],"
        + " \"empty-secret\": \"\"}}", JsonNode.class);

    ConfigCommand.mask(tree);

    assertThat(tree.toString()).doesNotContain("hunter2", "t0k", "whsec_abc").contains("smtp.example", "hook");
    assertThat(tree.at("/notifier/smtp/password").asText()).isEqualTo("******");
    assertThat(tree.at("/notifier/empty-secret").asText()).isEmpty();
  }
}
