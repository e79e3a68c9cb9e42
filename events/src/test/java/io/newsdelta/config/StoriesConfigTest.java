package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoriesConfigTest {
  @Test
  void shouldRunTheStoriesJobByDefaultWithTheMeasuredThreshold() {
    StoriesConfig stories = ConfigLoader.parse("", Map.of()).stories();
    assertThat(stories.enabled()).isTrue();
    assertThat(stories.threshold()).isEqualTo(0.03);
    assertThat(stories.stateDir()).isEqualTo(Path.of("./data/stories"));
  }

  @Test
  void shouldReadTheKeysFromYamlAndTheEnvironment() {
    StoriesConfig stories = ConfigLoader.parse(
        "stories:\n  enabled: false\n  threshold: 0.05\n", Map.of("NEWSDELTA_STORIES_STATE_DIR", "/var/lib/stories"))
        .stories();
    assertThat(stories.enabled()).isFalse();
    assertThat(stories.threshold()).isEqualTo(0.05);
    assertThat(stories.stateDir()).isEqualTo(Path.of("/var/lib/stories"));
  }

  @Test
  void shouldRefuseABadValueNamingKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigLoader.parse("stories:\n  threshold: 1.5\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key stories.threshold: value '1.5' is not allowed; a number above 0 and at most 1, such as 0.03");
    assertThatThrownBy(() -> ConfigLoader.parse("stories:\n  threshold: high\n", Map.of()))
        .hasMessageContaining("stories.threshold").hasMessageContaining("'high'");
    assertThatThrownBy(() -> ConfigLoader.parse("", Map.of("NEWSDELTA_STORIES_ENABLED", "yes please")))
        .hasMessage("config key stories.enabled: value 'yes please' is not allowed; true or false");
  }
}
