package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservabilityConfigTest {
  @Test
  void shouldDefaultToAFreeManagementPortAndTextLogs() {
    ObservabilityConfig c = ConfigLoader.parse("", Map.of()).observability();
    assertThat(c.managementPort()).isZero();
    assertThat(c.managementEnabled()).isTrue();
    assertThat(c.jsonLogs()).isFalse();
  }

  @Test
  void shouldReadThePortAndFormatFromTheFileAndTheEnvironment() {
    ObservabilityConfig file = ConfigLoader.parse("management:\n  port: 9464\nlogging:\n  format: json\n", Map.of())
        .observability();
    assertThat(file).isEqualTo(new ObservabilityConfig(9464, "json"));
    ObservabilityConfig env = ConfigLoader.parse("",
        Map.of("NEWSDELTA_MANAGEMENT_PORT", "-1", "NEWSDELTA_LOGGING_FORMAT", "json")).observability();
    assertThat(env.managementEnabled()).isFalse();
    assertThat(env.jsonLogs()).isTrue();
  }

  @Test
  void shouldRefuseABadPortOrFormatNamingKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigLoader.parse("management:\n  port: -2\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key management.port: value '-2' is not allowed; a port 1-65535, 0 for a free port or -1 for none");
    assertThatThrownBy(() -> ConfigLoader.parse("logging:\n  format: xml\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key logging.format: value 'xml' is not allowed; one of text, json");
  }
}
