package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsdelta.config.ConfigKeys;
import io.newsdelta.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so its contract with the code is checked instead. */
class DockerComposeTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

  @Test
  void shouldNameTheBrokerAndEveryService() throws Exception {
    JsonNode services = compose().get("services");

    assertThat(services.has("kafka")).isTrue();
    assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
    for (String service : new String[] {"ingest", "diff-worker", "notifier"}) {
      assertThat(services.get(service).get("command").get(0).asText()).isEqualTo(service);
    }
  }

  @Test
  void shouldOnlyUseEnvironmentVariablesTheServicesUnderstand() throws Exception {
    JsonNode services = compose().get("services");
    for (String service : new String[] {"ingest", "diff-worker", "notifier"}) {
      Map<String, String> env = new HashMap<>();
      services.get(service).get("environment").fields()
          .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));

      assertThat(env.keySet()).allSatisfy(name -> assertThat(ConfigKeys.forEnvName(name)).isPresent());
      assertThat(ConfigLoader.parse(Files.readString(Path.of("..", "newsdelta.yml")), env).kafka().bootstrapServers())
          .isEqualTo("kafka:9092");
    }
  }

  private static JsonNode compose() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
  }
}
