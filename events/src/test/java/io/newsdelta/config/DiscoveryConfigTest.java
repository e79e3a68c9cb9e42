package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.events.FeedRegistration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sitemaps as a feed kind and News Sniffer's schedule in the configuration (issue 12). */
class DiscoveryConfigTest {
  @Test
  void shouldReadTheKindAndScheduleOfEachFeedWithFeedAndGapsAsDefaults() {
    NewsdeltaConfig config = ConfigLoader.parse("""
        feeds:
          - {url: https://news.example/sitemap-news.xml, kind: Sitemap, schedule: geometric}
          - https://news.example/rss
        ingest:
          geometric-recheck: {first: 10m, factor: 1.5, retire-after: 7d}
          sitemap-max-age: 3d
        """, Map.of());

    assertThat(config.ingest().feeds()).extracting(FeedConfig::kind).containsExactly("sitemap", "feed");
    assertThat(config.ingest().feeds()).extracting(FeedConfig::schedule).containsExactly("geometric", "gaps");
    assertThat(config.ingest().feeds().get(0).registration())
        .isEqualTo(new FeedRegistration("https://news.example/sitemap-news.xml", null, "sitemap", "geometric"));
    assertThat(config.ingest().geometricRecheck())
        .isEqualTo(new IngestConfig.GeometricRecheck(Duration.ofMinutes(10), 1.5, Duration.ofDays(7)));
    assertThat(config.ingest().sitemapMaxAge()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void shouldDefaultToNewsSniffersNumbers() {
    IngestConfig ingest = ConfigLoader.parse("", Map.of()).ingest();

    assertThat(ingest.geometricRecheck())
        .isEqualTo(new IngestConfig.GeometricRecheck(Duration.ofMinutes(30), 1.2, Duration.ofDays(40)));
    assertThat(ingest.sitemapMaxAge()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void shouldTakeTheNumbersFromTheEnvironment() {
    IngestConfig ingest = ConfigLoader.parse("", Map.of("NEWSDELTA_INGEST_GEOMETRIC_RECHECK_FACTOR", "1.3",
        "NEWSDELTA_INGEST_SITEMAP_MAX_AGE", "1d")).ingest();

    assertThat(ingest.geometricRecheck().factor()).isEqualTo(1.3);
    assertThat(ingest.sitemapMaxAge()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void shouldRefuseAnUnknownKindScheduleOrFactorNamingKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigLoader.parse("feeds:\n  - {url: https://a/x, kind: json}\n", Map.of()))
        .hasMessage("config key feeds[0].kind: value 'json' is not allowed; one of feed, sitemap");
    assertThatThrownBy(() -> ConfigLoader.parse("feeds:\n  - {url: https://a/x, schedule: often}\n", Map.of()))
        .hasMessage("config key feeds[0].schedule: value 'often' is not allowed; one of gaps, geometric");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  geometric-recheck: {factor: 1}\n", Map.of()))
        .hasMessageContaining("ingest.geometric-recheck.factor").hasMessageContaining("1.01 to 10");
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  geometric-recheck: {first: 2d, retire-after: 1d}\n",
        Map.of())).hasMessageContaining("ingest.geometric-recheck.retire-after");
  }
}
