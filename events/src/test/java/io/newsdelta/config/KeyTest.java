package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key's declaration drives its parsing, default, check, environment variable and secret file. */
class KeyTest {
  @TempDir Path dir;

  private static ConfigTree tree(String yaml, Map<String, String> env) {
    return ConfigLoader.tree(yaml, env);
  }

  @Test
  void shouldParseAGivenValueAndTakeTheDefaultOtherwise() {
    assertThat(tree("ingest:\n  host-concurrency: 9\n", Map.of()).get(IngestKeys.HOST_CONCURRENCY)).isEqualTo(9);
    assertThat(tree("", Map.of()).get(IngestKeys.HOST_CONCURRENCY)).isEqualTo(4);
    assertThat(tree("", Map.of()).get(IngestKeys.HOST_MIN_GAP)).isEqualTo(Duration.ofMillis(250));
    assertThat(tree("ingest:\n  host-min-gap: 0\n", Map.of()).get(IngestKeys.HOST_MIN_GAP)).isZero();
    assertThat(tree("stories:\n  enabled: false\n", Map.of()).get(StoriesKeys.ENABLED)).isFalse();
  }

  @Test
  void shouldRefuseABadValueNamingTheKeyTheValueAndWhatTheDeclarationAllows() {
    assertThatThrownBy(() -> tree("ingest:\n  host-concurrency: many\n", Map.of()).get(IngestKeys.HOST_CONCURRENCY))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key ingest.host-concurrency: value 'many' is not allowed; a whole number from 1 to 64");
    assertThatThrownBy(() -> tree("ingest:\n  host-concurrency: 65\n", Map.of()).get(IngestKeys.HOST_CONCURRENCY))
        .hasMessage("config key ingest.host-concurrency: value '65' is not allowed; a whole number from 1 to 64");
    assertThatThrownBy(() -> tree("logging:\n  format: [json]\n", Map.of()).get(ObservabilityKeys.LOGGING_FORMAT))
        .hasMessageContaining("config key logging.format").hasMessageContaining("one of text, json");
    assertThatThrownBy(() -> IngestKeys.FETCH_CONCURRENCY.check(0))
        .hasMessage("config key ingest.fetch-concurrency: value '0' is not allowed; a whole number from 1 to 4096");
  }

  @Test
  void shouldNameTheEnvironmentVariableAfterThePath() {
    assertThat(NotifierKeys.MAX_IN_FLIGHT.envName()).isEqualTo("NEWSDELTA_NOTIFIER_DELIVERY_MAX_IN_FLIGHT");
    assertThat(NotifierKeys.API_TOKEN.fileKey().envName()).isEqualTo("NEWSDELTA_NOTIFIER_API_TOKEN_FILE");
    assertThat(ConfigKeys.forEnvName("NEWSDELTA_NOTIFIER_SMTP_PASSWORD_FILE")).isPresent();
  }

  @Test
  void shouldDeclareEveryKeyOnceWithADescriptionAndASecretsFileBesideIt() {
    assertThat(ConfigKeys.ALL).extracting(Key::path).doesNotHaveDuplicates()
        .contains("kafka.bootstrap-servers", "ingest.feed-poll-interval", "ingest.article-recheck",
            "notifier.http.port", "notifier.webhooks", "kafka.embedded.port", "kafka.embedded.data-dir")
        .containsSubsequence("notifier.smtp.password", "notifier.smtp.password-file")
        .containsSubsequence("notifier.api-token", "notifier.api-token-file");
    assertThat(ConfigKeys.ALL).allSatisfy(k -> assertThat(k.description()).isNotBlank());
  }

  @Test
  void shouldKeepTheKeysAndDefaultsPinnedInTheDesign() {
    NewsdeltaConfig config = ConfigLoader.parse("", Map.of());
    assertThat(config.kafka().bootstrapServers()).isEmpty();
    assertThat(config.kafka().embedded().port()).isEqualTo(9092);
    assertThat(config.kafka().embedded().dataDir()).isEqualTo(Path.of("./data/kafka"));
    assertThat(config.ingest().feedPollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.ingest().articleRecheck()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
        Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(7));
    assertThat(config.notifier().httpPort()).isEqualTo(8080);
    assertThat(config.history().databaseUrl()).isEqualTo("jdbc:sqlite:./data/history.db");
  }

  @Test
  void shouldTakeJsonFromTheEnvironmentForListsOfMappings() {
    NewsdeltaConfig config = ConfigLoader.parse("", Map.of(
        "NEWSDELTA_EXTRACT_SITES", "[{\"host\": \"news.example\", \"title\": \"h1\"}]",
        "NEWSDELTA_INGEST_HOSTS", "[{\"host\": \"slow.example\", \"concurrency\": 1}]",
        "NEWSDELTA_NOTIFIER_WEBHOOKS", "[{\"url\": \"https://hooks.example/a\"}, \"https://hooks.example/b\"]",
        "NEWSDELTA_NOTIFIER_CHANNELS", "[{\"name\": \"desk\", \"kind\": \"slack\", \"url\": \"https://slack.example/x\"}]",
        "NEWSDELTA_NOTIFIER_SUBSCRIPTIONS", "[{\"name\": \"politics\", \"text\": [\"vote\"], \"channels\": [\"desk\"]}]"));

    assertThat(config.diffWorker().siteRules()).containsExactly(new SiteRule("news.example", null, "h1", List.of()));
    assertThat(config.ingest().hosts()).singleElement().satisfies(h -> {
      assertThat(h.host()).isEqualTo("slow.example");
      assertThat(h.concurrency()).isEqualTo(1);
      assertThat(h.minGap()).isEqualTo(Duration.ofMillis(250)); // the limit every host has
    });
    assertThat(config.notifier().webhooks())
        .containsExactly(URI.create("https://hooks.example/a"), URI.create("https://hooks.example/b"));
    assertThat(config.notifier().channels()).extracting(ChannelConfig::name).containsExactly("desk");
    assertThat(config.notifier().subscriptions()).singleElement()
        .satisfies(s -> assertThat(s.channels()).containsExactly("desk"));
  }

  @Test
  void shouldTakeACommaSeparatedListOrAJsonListForAListKey() {
    assertThat(ConfigLoader.parse("", Map.of("NEWSDELTA_NETWORK_ALLOW", "127.0.0.0/8, 10.0.0.0/8")).network().allow())
        .containsExactly("127.0.0.0/8", "10.0.0.0/8");
    assertThat(ConfigLoader.parse("", Map.of("NEWSDELTA_INGEST_ARTICLE_RECHECK", "[1m, 1h]")).ingest().articleRecheck())
        .containsExactly(Duration.ofMinutes(1), Duration.ofHours(1));
  }

  @Test
  void shouldRefuseAListOfMappingsFromTheEnvironmentThatIsNotJsonWithoutRepeatingIt() {
    assertThatThrownBy(() -> ConfigLoader.parse("", Map.of("NEWSDELTA_NOTIFIER_CHANNELS", "desk,whsec_abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NEWSDELTA_NOTIFIER_CHANNELS").hasMessageContaining("notifier.channels")
        .hasMessageContaining("takes a JSON value").hasMessageNotContaining("whsec_abc");
    assertThatThrownBy(() -> ConfigLoader.parse("",
            Map.of("NEWSDELTA_NOTIFIER_CHANNELS", "[{\"name\": \"a\", \"secret\": whsec_abc}")))
        .hasMessageContaining("not valid JSON").hasMessageNotContaining("whsec_abc");
  }

  @Test
  void shouldReadASecretFromTheFileItsFileKeyNames() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef\n");

    assertThat(tree("notifier:\n  api-token-file: " + token + "\n", Map.of()).get(NotifierKeys.API_TOKEN))
        .isEqualTo("0123456789abcdef");
    assertThat(tree("", Map.of("NEWSDELTA_NOTIFIER_API_TOKEN_FILE", token.toString())).get(NotifierKeys.API_TOKEN))
        .isEqualTo("0123456789abcdef");
    assertThat(tree("", Map.of("NEWSDELTA_NOTIFIER_API_TOKEN", "fedcba9876543210")).get(NotifierKeys.API_TOKEN))
        .isEqualTo("fedcba9876543210");
  }

  @Test
  void shouldRefuseASecretGivenTwiceAMissingFileAndABadSecretWithoutShowingIt() throws Exception {
    Path token = Files.writeString(dir.resolve("short"), "short-one\n");
    assertThatThrownBy(() -> tree("notifier:\n  api-token: 0123456789abcdef\n  api-token-file: " + token + "\n",
            Map.of()).get(NotifierKeys.API_TOKEN))
        .hasMessageContaining("notifier.api-token-file").hasMessageContaining("not both")
        .hasMessageNotContaining("0123456789abcdef");
    assertThatThrownBy(() -> tree("notifier:\n  api-token-file: " + dir.resolve("nope") + "\n", Map.of())
            .get(NotifierKeys.API_TOKEN))
        .hasMessageContaining("notifier.api-token-file").hasMessageContaining("a readable file holding the secret");
    assertThatThrownBy(() -> tree("notifier:\n  api-token-file: " + token + "\n", Map.of()).get(NotifierKeys.API_TOKEN))
        .hasMessage("config key notifier.api-token: value '(hidden)' is not allowed; a token of at least 16 characters");
  }

  @Test
  void shouldShowDefaultsAsTheReadmeDoes() {
    assertThat(IngestKeys.FEED_POLL_INTERVAL.defaultShown()).isEqualTo("`5m`");
    assertThat(KafkaKeys.BOOTSTRAP_SERVERS.defaultShown()).isEqualTo("`\"\"`");
    assertThat(IngestKeys.FEEDS.defaultShown()).isEqualTo("none");
    assertThat(NotifierKeys.PUBLIC_URL.defaultShown()).isEqualTo("`http://<bind>:<port>`");
    assertThat(Type.gap().toNode(Duration.ZERO)).isEqualTo(JsonNodeFactory.instance.textNode("0"));
  }
}
