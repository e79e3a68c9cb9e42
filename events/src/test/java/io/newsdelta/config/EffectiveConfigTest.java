package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code config show} prints: every key's effective value in the file's shape, secrets masked. */
class EffectiveConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void shouldShowEveryKeyGivenOrDefaultedInTheFilesShapeSoThatItLoadsAgain() throws Exception {
    String yaml = """
        feeds:
          - {url: https://a.example/rss, name: A, schedule: geometric}
        ingest:
          feed-poll-interval: 2m
          hosts: [{host: slow.example, concurrency: 1}]
        extract:
          sites: [{host: news.example, body: div.story}]
        notifier:
          webhooks: ["http://127.0.0.1:9999/hook"]
        """;
    ConfigTree tree = ConfigLoader.tree(yaml, Map.of("NEWSDELTA_KAFKA_PARTITIONS", "12"));

    ObjectNode shown = EffectiveConfig.of(tree);

    assertThat(shown.at("/ingest/feed-poll-interval").asText()).isEqualTo("2m");
    assertThat(shown.at("/ingest/host-min-gap").asText()).isEqualTo("250ms");
    assertThat(shown.at("/kafka/partitions").asInt()).isEqualTo(12);
    assertThat(shown.at("/kafka/embedded/data-dir").asText()).isEqualTo("./data/kafka");
    assertThat(shown.at("/ingest/article-recheck").size()).isEqualTo(10);
    assertThat(shown.at("/feeds/0/schedule").asText()).isEqualTo("geometric");
    assertThat(shown.at("/notifier/smtp").isMissingNode()).as("no mail server: none shown").isTrue();
    NewsdeltaConfig again = ConfigLoader.parse(YAML.writeValueAsString(shown), Map.of());
    assertThat(again).isEqualTo(ConfigLoader.bind(tree));
  }

  @Test
  void shouldMaskSecretsWhereverTheyComeFromAndKeepTheNamesOfTheirFiles() throws Exception {
    Path password = Files.writeString(dir.resolve("smtp"), "hunter2-smtp\n");
    String yaml = "notifier:\n"
        + "  smtp: {host: smtp.example, from: n@example.org, password-file: " + password + "}\n"
        + "  channels:\n"
        + "    - {name: hook, kind: webhook, url: \"https://example.org/hook\", secret: \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}\n"
        + "    - {name: bot, kind: telegram, url: \"https://api.telegram.org/bot123:SECRETBOT\", chat-id: \"1\"}\n"
        + "    - {name: desk, kind: slack, url: \"https://hooks.slack.com/services/T0/B0/SLACKSECRET\"}\n"
        + "history:\n  database-url: \"jdbc:postgresql://db:5432/nd?user=nd&password=pgsecret\"\n";
    ConfigTree tree = ConfigLoader.tree(yaml, Map.of("NEWSDELTA_NOTIFIER_API_TOKEN", "0123456789abcdef-token"));
    ConfigLoader.bind(tree); // valid

    ObjectNode shown = EffectiveConfig.of(tree);

    assertThat(YAML.writeValueAsString(shown)).doesNotContain("hunter2", "MfKQ9r8", "SECRETBOT", "SLACKSECRET",
        "pgsecret", "0123456789abcdef");
    assertThat(shown.at("/notifier/smtp/password-file").asText()).isEqualTo(password.toString());
    assertThat(shown.at("/notifier/smtp/host").asText()).isEqualTo("smtp.example");
    assertThat(shown.at("/notifier/api-token").asText()).isEqualTo(EffectiveConfig.MASK);
    assertThat(shown.at("/notifier/channels/0/secret").asText()).isEqualTo(EffectiveConfig.MASK);
    assertThat(shown.at("/notifier/channels/1/url").asText()).isEqualTo("https://api.telegram.org/bot******");
    assertThat(shown.at("/notifier/channels/2/url").asText())
        .isEqualTo("https://hooks.slack.com/services/T0/B0/******");
    assertThat(shown.at("/history/database-url").asText())
        .isEqualTo("jdbc:postgresql://db:5432/nd?user=nd&password=******");
  }

  @Test
  void shouldMaskTheCredentialsInsideUrls() {
    assertThat(EffectiveConfig.maskUrl("https://user:pa55@feeds.example/rss?token=abc&x=1"))
        .isEqualTo("https://user:******@feeds.example/rss?token=******&x=1");
    assertThat(EffectiveConfig.maskUrl("https://discord.com/api/webhooks/42/TOKEN"))
        .isEqualTo("https://discord.com/api/webhooks/42/******");
    assertThat(EffectiveConfig.maskUrl("https://a.example/rss")).isEqualTo("https://a.example/rss");
  }
}
