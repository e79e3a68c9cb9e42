package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.app.Main;
import io.newsdelta.config.ConfigDocs;
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
  void shouldShowSecretsMaskedAndTheFilesTheyComeFrom() throws Exception {
    Path password = Files.writeString(dir.resolve("smtp-password"), "hunter2-smtp\n");
    Path file = Files.writeString(dir.resolve("newsdelta.yml"), "notifier:\n"
        + "  api-token: 0123456789abcdef-token\n"
        + "  smtp: {host: smtp.example, from: n@example.org, password-file: " + password + "}\n"
        + "  channels:\n"
        + "    - {name: hook, kind: webhook, url: \"https://example.org/hook\","
        + " secret: \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}\n"
        + "history:\n  database-url: \"jdbc:postgresql://db:5432/nd?user=nd&password=pgsecret\"\n");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("config", "show", "--config", file.toString())).isZero();

    assertThat(out.toString()).doesNotContain("hunter2", "0123456789abcdef", "MfKQ9r8", "pgsecret")
        .contains("password-file: " + password, "api-token: '******'", "password=******", "host: smtp.example");
  }

  @Test
  void shouldWriteTheConfigurationTableIntoAReadmeBetweenItsMarkers() throws Exception {
    Path readme = Files.writeString(dir.resolve("README.md"),
        "# Title\n\n" + ConfigDocs.BEGIN + "\n| stale |\n" + ConfigDocs.END + "\n\nAfter.\n");
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("config", "docs", "--readme", readme.toString())).isZero();

    assertThat(Files.readString(readme)).isEqualTo(
        "# Title\n\n" + ConfigDocs.BEGIN + "\n" + ConfigDocs.table() + ConfigDocs.END + "\n\nAfter.\n");
    Path noMarkers = Files.writeString(dir.resolve("OTHER.md"), "# Title\n");
    assertThat(cli.execute("config", "docs", "--readme", noMarkers.toString())).isEqualTo(2);
    assertThat(Files.readString(noMarkers)).isEqualTo("# Title\n");
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
