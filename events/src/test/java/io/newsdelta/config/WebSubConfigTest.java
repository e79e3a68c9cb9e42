package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WebSub's keys (issue 12): off unless a callback base URL is set, each value checked at start. */
class WebSubConfigTest {
  @Test
  void shouldBeOffWithTheDocumentedDefaults() {
    IngestConfig.WebSub websub = ConfigLoader.parse("", Map.of()).ingest().websub();

    assertThat(websub.enabled()).isFalse();
    assertThat(websub).isEqualTo(IngestConfig.WebSub.OFF);
    assertThat(websub.bind()).isEqualTo("127.0.0.1");
    assertThat(websub.port()).isEqualTo(8090);
    assertThat(websub.lease()).isEqualTo(Duration.ofDays(7));
    assertThat(websub.pollInterval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void shouldReadEveryKeyFromTheFileAndTheEnvironment() {
    IngestConfig.WebSub websub = ConfigLoader.parse("""
        ingest:
          websub:
            callback-base-url: https://ingest-1.example.org/newsdelta
            bind: 0.0.0.0
            lease: 2d
        """, Map.of("NEWSDELTA_INGEST_WEBSUB_PORT", "9100", "NEWSDELTA_INGEST_WEBSUB_POLL_INTERVAL", "1h"))
        .ingest().websub();

    assertThat(websub).isEqualTo(new IngestConfig.WebSub(URI.create("https://ingest-1.example.org/newsdelta"),
        "0.0.0.0", 9100, Duration.ofDays(2), Duration.ofHours(1)));
    assertThat(websub.enabled()).isTrue();
  }

  @Test
  void shouldRefuseBadValuesNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  websub:\n    callback-base-url: ftp://x.example/\n",
        Map.of())).hasMessageContaining("ingest.websub.callback-base-url").hasMessageContaining("http(s)");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  websub:\n    callback-base-url: https://x.example/?a=1\n",
        Map.of())).hasMessageContaining("ingest.websub.callback-base-url").hasMessageContaining("without query");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  websub:\n    port: 70000\n", Map.of()))
        .hasMessageContaining("ingest.websub.port");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  websub:\n    lease: 1m\n", Map.of()))
        .hasMessageContaining("ingest.websub.lease").hasMessageContaining("5m to 365d");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  websub:\n    poll-interval: 0s\n", Map.of()))
        .hasMessageContaining("ingest.websub.poll-interval");
  }
}
