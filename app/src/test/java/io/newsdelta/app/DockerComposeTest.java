package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsdelta.config.ConfigKeys;
import io.newsdelta.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its contract with the code, the image the build
 * makes (app/pom.xml's image profile) and the files under ops/ is checked instead. ImageIT runs the image itself.
 */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..");
  private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  private static final List<String> NEWSDELTA = List.of("ingest", "diff-worker", "stories", "notifier");

  @Test
  void shouldNameTheBrokerAndEveryService() throws Exception {
    JsonNode services = compose().get("services");

    assertThat(services.has("kafka")).isTrue();
    assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
    assertThat(services.get("postgres").get("image").asText()).startsWith("postgres:");
    for (String service : NEWSDELTA) {
      assertThat(services.get(service).get("command").get(0).asText()).isEqualTo(service);
    }
  }

  @Test
  void shouldOnlyUseEnvironmentVariablesTheServicesUnderstand() throws Exception {
    JsonNode services = compose().get("services");
    for (String service : NEWSDELTA) {
      Map<String, String> env = env(services.get(service));

      assertThat(env.keySet()).allSatisfy(name -> assertThat(ConfigKeys.forEnvName(name)).as(name).isPresent());
      assertThat(ConfigLoader.parse(Files.readString(ROOT.resolve("newsdelta.yml")), env).kafka().bootstrapServers())
          .isEqualTo("kafka:9092");
    }
    assertThat(ConfigLoader.parse(Files.readString(ROOT.resolve("newsdelta.yml")), env(services.get("notifier")))
        .history().databaseUrl()).startsWith("jdbc:postgresql://postgres:5432/");
    // The Streams jobs keep their state in their volume, not in the image's working directory.
    assertThat(ConfigLoader.parse(Files.readString(ROOT.resolve("newsdelta.yml")), env(services.get("stories")))
        .stories().stateDir()).isEqualTo(Path.of("/var/lib/newsdelta/stories"));
    assertThat(texts(services.get("stories").get("volumes"))).contains("stories-state:/var/lib/newsdelta");
  }

  @Test
  void shouldRunEveryServiceFromTheImageTheBuildMakes() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String imageName = tag(pom, "image.name");
    Matcher to = Pattern.compile("<to><image>\\$\\{image.name}(:[^<]+)</image>").matcher(pom);
    assertThat(to.find()).as("the Jib <to> image in app/pom.xml").isTrue();
    List<String> entrypoint = new ArrayList<>();
    Matcher arg = Pattern.compile("<arg>([^<]+)</arg>")
        .matcher(pom.substring(pom.indexOf("<entrypoint>"), pom.indexOf("</entrypoint>")));
    while (arg.find()) {
      entrypoint.add(arg.group(1));
    }

    JsonNode services = compose().get("services");
    for (String service : NEWSDELTA) {
      JsonNode s = services.get(service);
      assertThat(s.get("image").asText()).as(service).isEqualTo(imageName + to.group(1));
      // The health check runs the image's own java with its classpath file and main class.
      List<String> check = texts(s.get("healthcheck").get("test"));
      assertThat(check.get(0)).isEqualTo("CMD");
      assertThat(check.get(1)).isEqualTo(entrypoint.get(0));
      assertThat(check).containsSubsequence(entrypoint.subList(entrypoint.indexOf("-cp"), entrypoint.size()))
          .contains("healthcheck");
      assertThat(s.get("restart").asText()).isEqualTo("unless-stopped");
      assertThat(s.get("mem_limit").asText()).matches("\\d+[mg]");
    }
  }

  @Test
  void shouldCheckHealthOnThePortEachServiceServes() throws Exception {
    JsonNode services = compose().get("services");
    for (String service : NEWSDELTA) {
      URI url = URI.create(last(texts(services.get(service).get("healthcheck").get("test"))));

      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPath()).isIn("/health/ready", "/health/live");
      assertThat(url.getPort()).as(service).isEqualTo(metricsPort(services.get(service)));
    }
    for (Map.Entry<String, JsonNode> s : iterable(services)) {
      if (!s.getValue().has("profiles")) { // the pipeline itself: compose waits on these before it starts a service
        assertThat(s.getValue().has("healthcheck")).as(s.getKey() + " has a health check").isTrue();
      }
    }
  }

  @Test
  void shouldScrapeEveryServiceWherePrometheusFindsItsMetrics() throws Exception {
    JsonNode services = compose().get("services");
    JsonNode prometheus = services.get("prometheus");
    assertThat(texts(prometheus.get("profiles"))).containsExactly("observability");
    String mount = mountedFrom(prometheus, "/etc/prometheus/prometheus.yml");
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(mount).toFile());
    JsonNode job = config.get("scrape_configs").get(0);
    assertThat(job.get("metrics_path").asText()).isEqualTo("/metrics");

    Map<String, Integer> targets = new HashMap<>();
    job.get("static_configs").forEach(sc -> sc.get("targets").forEach(t -> {
      String[] hostPort = t.asText().split(":");
      targets.put(hostPort[0], Integer.parseInt(hostPort[1]));
    }));
    assertThat(targets.keySet()).containsExactlyInAnyOrderElementsOf(NEWSDELTA);
    for (String service : NEWSDELTA) {
      assertThat(targets.get(service)).as(service).isEqualTo(metricsPort(services.get(service)));
    }
  }

  @Test
  void shouldProvisionGrafanaWithTheDashboardInTheRepository() throws Exception {
    JsonNode grafana = compose().get("services").get("grafana");
    assertThat(texts(grafana.get("profiles"))).containsExactly("observability");
    String dashboardsDir = "/var/lib/grafana/dashboards";
    String dashboard = mountedFrom(grafana, dashboardsDir + "/newsdelta.json");
    assertThat(ROOT.resolve(dashboard).normalize()).isEqualTo(ROOT.resolve("ops/grafana/newsdelta.json").normalize())
        .exists();
    Path provisioning = ROOT.resolve(mountedFrom(grafana, "/etc/grafana/provisioning"));

    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode provider = yaml.readTree(provisioning.resolve("dashboards/newsdelta.yml").toFile()).get("providers").get(0);
    assertThat(provider.get("options").get("path").asText()).isEqualTo(dashboardsDir);
    JsonNode source = yaml.readTree(provisioning.resolve("datasources/prometheus.yml").toFile()).get("datasources").get(0);
    assertThat(source.get("type").asText()).isEqualTo("prometheus");
    assertThat(URI.create(source.get("url").asText()).getHost()).isEqualTo("prometheus");
    assertThat(compose().get("services").get("kafka-ui").get("environment").get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS")
        .asText()).isEqualTo("kafka:9092");
  }

  @Test
  void shouldDeclareEveryNamedVolume() throws Exception {
    JsonNode compose = compose();
    for (Map.Entry<String, JsonNode> s : iterable(compose.get("services"))) {
      for (String volume : texts(s.getValue().path("volumes"))) {
        String source = volume.split(":")[0];
        if (!source.startsWith(".")) {
          assertThat(compose.get("volumes").has(source)).as(s.getKey() + ": " + source).isTrue();
        } else {
          assertThat(ROOT.resolve(source)).as(s.getKey() + ": " + source).exists();
        }
      }
    }
  }

  /** Where a service serves /metrics and /health: the notifier on its web port, the others on the management port. */
  private static int metricsPort(JsonNode service) {
    Map<String, String> env = env(service);
    String port = env.containsKey("NEWSDELTA_NOTIFIER_HTTP_PORT")
        ? env.get("NEWSDELTA_NOTIFIER_HTTP_PORT") : env.get("NEWSDELTA_MANAGEMENT_PORT");
    assertThat(port).as("a fixed metrics port").isNotNull();
    return Integer.parseInt(port);
  }

  private static String mountedFrom(JsonNode service, String target) {
    return texts(service.get("volumes")).stream().map(v -> v.split(":"))
        .filter(v -> v[1].equals(target)).map(v -> v[0]).findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + target));
  }

  private static Map<String, String> env(JsonNode service) {
    Map<String, String> env = new HashMap<>();
    service.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(xml);
    assertThat(m.find()).as(name + " in app/pom.xml").isTrue();
    return m.group(1);
  }

  private static JsonNode compose() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
  }
}
