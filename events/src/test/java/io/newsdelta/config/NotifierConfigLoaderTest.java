package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert keys of DESIGN.md bind to {@link NotifierConfig}; bad values fail with the key. */
class NotifierConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void shouldBindChannelsSubscriptionsSmtpAndSecretsFromFiles() throws Exception {
    Path password = Files.writeString(dir.resolve("smtp"), "s3cret\n");
    Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef-token\n");
    String yaml = String.join("\n",
        "notifier:",
        "  public-url: https://news.example.org",
        "  api-token-file: " + token,
        "  retry: {max-backoff: 2m, attempt-timeout: 5s}",
        "  circuit: {failures: 3, open-for: 1m}",
        "  smtp: {host: smtp.example.org, port: 587, username: news, password-file: " + password + ", from: nd@example.org}",
        "  webhooks: [\"http://127.0.0.1:9999/hook\"]",
        "  channels:",
        "    - {name: ops-hook, kind: webhook, url: \"https://example.org/hook\", secret: \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
        "    - {name: bot, kind: telegram, url: \"https://api.telegram.org/botTOKEN\", chat-id: \"123\"}",
        "    - {name: desk-mail, kind: email, to: [desk@example.org]}",
        "  subscriptions:",
        "    - name: politics",
        "      url-pattern: \"*/uk-politics-*\"",
        "      text: [\"Big Brother\", \"/surveil\\\\w+/\"]",
        "      headline-changed: true",
        "      min-words: 5",
        "      include-minor: false",
        "      kinds: [edit, removed]",
        "      channels: [bot, desk-mail, \"webhook:http://127.0.0.1:9999/hook\"]",
        "");

    NotifierConfig n = ConfigLoader.parse(yaml, Map.of()).notifier();

    assertThat(n.allChannels()).extracting(ChannelConfig::name)
        .containsExactly("ops-hook", "bot", "desk-mail", "webhook:http://127.0.0.1:9999/hook");
    assertThat(n.channels().get(1).chatId()).isEqualTo("123");
    assertThat(n.smtp().password()).isEqualTo("s3cret");
    assertThat(n.apiToken()).isEqualTo("0123456789abcdef-token");
    assertThat(n.delivery()).isEqualTo(new NotifierConfig.Delivery(Duration.ofMinutes(2), Duration.ofSeconds(5), 3, Duration.ofMinutes(1)));
    assertThat(n.publicUrl()).hasToString("https://news.example.org");
    SubscriptionConfig s = n.subscriptions().get(0);
    assertThat(s.text()).containsExactly("Big Brother", "/surveil\\w+/");
    assertThat(s.minWords()).isEqualTo(5);
    assertThat(s.includeMinor()).isFalse();
    assertThat(s.headlineChanged()).isTrue();
    assertThat(n.toString()).doesNotContain("s3cret", "0123456789abcdef", "MfKQ9r8");
    assertThat(n.channels().get(1).toString()).doesNotContain("TOKEN");
  }

  @Test
  void shouldRefuseUnknownChannelsKindsAndFieldsNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  channels:\n    - {name: a, kind: pager, url: \"https://x.example\"}\n", Map.of()))
        .hasMessageContaining("notifier.channels[a].kind").hasMessageContaining("'pager'");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  channels:\n    - {name: a, kind: slack, url: \"https://x.example\", colour: red}\n", Map.of()))
        .hasMessageContaining("notifier.channels[0].colour");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  subscriptions:\n    - {name: s, channels: [nowhere]}\n", Map.of()))
        .hasMessageContaining("notifier.subscriptions[s].channels").hasMessageContaining("'nowhere'");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  channels:\n    - {name: m, kind: email, to: [a@b.c]}\n", Map.of()))
        .hasMessageContaining("notifier.smtp.host");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  channels:\n    - {name: w, kind: webhook, url: \"https://x.example\", secret: plain}\n", Map.of()))
        .hasMessageContaining("notifier.channels[w].secret").hasMessageNotContaining("plain");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  api-token: short\n", Map.of()))
        .hasMessageContaining("notifier.api-token").hasMessageNotContaining("short");
  }

  @Test
  void shouldReadDigestsOfEmailChannelsAndTheInFlightLimitAndRefuseADigestElsewhere() {
    NotifierConfig n = ConfigLoader.parse("notifier:\n  smtp: {host: smtp.example, from: n@example.org}\n"
        + "  delivery: {max-in-flight: 3}\n"
        + "  channels:\n    - {name: m, kind: email, to: [a@b.c], digest: 1h}\n", Map.of()).notifier();
    assertThat(n.channels().get(0).digest()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(n.delivery().maxInFlight()).isEqualTo(3);
    assertThatThrownBy(() -> ConfigLoader.parse(
        "notifier:\n  channels:\n    - {name: s, kind: slack, url: \"https://x.example\", digest: 1h}\n", Map.of()))
        .hasMessageContaining("notifier.channels[s].digest");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  delivery: {max-in-flight: 0}\n", Map.of()))
        .hasMessageContaining("notifier.delivery.max-in-flight");
  }
}
