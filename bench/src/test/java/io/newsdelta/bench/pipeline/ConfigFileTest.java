package io.newsdelta.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.bench.site.Boilerplate;
import io.newsdelta.bench.site.NewsSite;
import io.newsdelta.bench.site.SiteConfig;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  @Test
  void shouldPassTheBenchmarksKnobsThroughTheRealConfigLoader(@TempDir Path dir) throws Exception {
    SiteConfig sc = new SiteConfig(1, 3, 30, 4, Boilerplate.ON_CHANGE, Duration.ZERO, 2);
    try (NewsSite site = NewsSite.start(sc)) {
      Path file = ConfigFile.write(dir, site, sc, "http://127.0.0.1:9/hook", "", 19092, "10s", 7, "5s", 32, false);

      NewsdeltaConfig config = ConfigLoader.load(file, Map.of());

      assertThat(config.ingest().feeds()).hasSize(3);
      assertThat(config.ingest().feeds().get(1).url().toString()).isEqualTo(site.feedUrl(1));
      assertThat(config.ingest().articleRecheck()).hasSize(7).containsOnly(Duration.ofSeconds(10));
      assertThat(config.ingest().feedPollInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(config.ingest().fetchConcurrency()).isEqualTo(32);
      assertThat(config.notifier().webhooks()).containsExactly(URI.create("http://127.0.0.1:9/hook"));
      assertThat(config.kafka().embedded().port()).isEqualTo(19092);
      assertThat(config.stories().enabled()).isFalse();
    }
  }
}
