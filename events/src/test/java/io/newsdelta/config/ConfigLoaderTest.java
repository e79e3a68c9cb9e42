package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void shouldApplyTheDesignDefaults() {
    NewsdeltaConfig config = ConfigLoader.parse("", Map.of());

    assertThat(config.kafka().useEmbedded()).isTrue();
    assertThat(config.kafka().embedded().port()).isEqualTo(9092);
    assertThat(config.ingest().feedPollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.ingest().articleRecheck()).hasSize(10).startsWith(Duration.ofMinutes(5)).endsWith(Duration.ofDays(7));
    assertThat(config.notifier().httpPort()).isEqualTo(8080);
  }

  @Test
  void shouldReadFeedsWebhooksAndSiteRules() {
    NewsdeltaConfig config =
        ConfigLoader.parse(
            """
            feeds:
              - url: https://feeds.bbci.co.uk/news/rss.xml
                name: BBC News
              - https://example.com/atom.xml
            notifier:
              webhooks:
                - url: http://127.0.0.1:9999/hook
            extract:
              sites:
                - host: www.example.com
                  body: div.story
                  drop: [aside]
            """,
            Map.of());

    assertThat(config.ingest().feeds()).extracting(FeedConfig::name).containsExactly("BBC News", null);
    assertThat(config.notifier().webhooks()).hasSize(1);
    assertThat(config.diffWorker().siteRules()).containsExactly(new SiteRule("www.example.com", "div.story", null, List.of("aside")));
  }

  @Test
  void shouldLetTheEnvironmentOverrideAnyKey() {
    NewsdeltaConfig config =
        ConfigLoader.parse(
            "ingest:\n  feed-poll-interval: 5m\n",
            Map.of(
                "NEWSDELTA_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "NEWSDELTA_INGEST_FEED_POLL_INTERVAL", "30s",
                "NEWSDELTA_INGEST_ARTICLE_RECHECK", "1m, 2h",
                "NEWSDELTA_FEEDS", "https://a.example/rss,https://b.example/rss",
                "PATH", "/usr/bin"));

    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.ingest().feedPollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.ingest().articleRecheck()).containsExactly(Duration.ofMinutes(1), Duration.ofHours(2));
    assertThat(config.ingest().feeds()).hasSize(2);
  }

  @Test
  void shouldNameTheKeyTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  feed-poll-interval: often\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key ingest.feed-poll-interval: value 'often' is not allowed; " + Durations.ALLOWED);
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  article-recheck: [5m, soon]\n", Map.of()))
        .hasMessageContaining("ingest.article-recheck[1]").hasMessageContaining("'soon'");
    assertThatThrownBy(() -> ConfigLoader.parse("notifier:\n  http:\n    port: 70000\n", Map.of()))
        .hasMessage("config key notifier.http.port: value '70000' is not allowed; a whole number from 0 to 65535");
    assertThatThrownBy(() -> ConfigLoader.parse("feeds:\n  - url: ftp://x/feed\n", Map.of()))
        .hasMessageContaining("feeds[0].url").hasMessageContaining("ftp://x/feed");
  }

  @Test
  void shouldRejectUnknownKeysAndVariables() {
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  feed-poll-intervall: 5m\n", Map.of()))
        .hasMessageContaining("config key ingest.feed-poll-intervall is not known");
    assertThatThrownBy(() -> ConfigLoader.parse("", Map.of("NEWSDELTA_KAFKA_BOOTSTRAP", "x")))
        .hasMessageContaining("environment variable NEWSDELTA_KAFKA_BOOTSTRAP names no config key");
  }

  @Test
  void shouldTakeAJsonValueFromTheEnvironmentForAListOfMappings() {
    NewsdeltaConfig config = ConfigLoader.parse("", Map.of("NEWSDELTA_EXTRACT_SITES",
        "[{\"host\": \"News.Example\", \"body\": \"div.story\", \"drop\": [\"aside\"]}]",
        "NEWSDELTA_FEEDS", "[{\"url\": \"https://a.example/rss\", \"name\": \"A\"}]"));

    assertThat(config.diffWorker().siteRules()).singleElement().satisfies(rule -> {
      assertThat(rule.host()).isEqualTo("news.example");
      assertThat(rule.body()).isEqualTo("div.story");
      assertThat(rule.drop()).containsExactly("aside");
    });
    assertThat(config.ingest().feeds()).singleElement().satisfies(feed -> assertThat(feed.name()).isEqualTo("A"));
  }

  @Test
  void shouldRefuseAnEnvironmentValueThatLooksLikeJsonButIsNot() {
    assertThatThrownBy(() -> ConfigLoader.parse("", Map.of("NEWSDELTA_EXTRACT_SITES", "[{\"host\": ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NEWSDELTA_EXTRACT_SITES").hasMessageContaining("not valid JSON");
  }

  @Test
  void shouldDeriveEnvironmentNamesFromKeyPaths() {
    assertThat(ConfigKeys.forPath("kafka.bootstrap-servers").orElseThrow().envName())
        .isEqualTo("NEWSDELTA_KAFKA_BOOTSTRAP_SERVERS");
    assertThat(ConfigKeys.forPath("ingest.feed-poll-interval").orElseThrow().envName())
        .isEqualTo("NEWSDELTA_INGEST_FEED_POLL_INTERVAL");
  }

  @Test
  void shouldReadPerHostLimitsAndTheRobotsSwitchOfAFeed() {
    NewsdeltaConfig config = ConfigLoader.parse("""
        feeds:
          - url: https://a.example/rss
            robots: false
          - https://b.example/rss
        ingest:
          host-concurrency: 3
          host-min-gap: 100ms
          hosts:
            - {host: WWW.Example.com, concurrency: 8, min-gap: 0ms}
            - {host: slow.example}
          robots-ttl: 2h
          catch-up-window: 1m
        """, Map.of());
    assertThat(config.ingest().feeds()).extracting(FeedConfig::robots).containsExactly(false, true);
    assertThat(config.ingest().hostConcurrency()).isEqualTo(3);
    assertThat(config.ingest().hostMinGap()).isEqualTo(java.time.Duration.ofMillis(100));
    assertThat(config.ingest().hosts()).containsExactly(
        new IngestConfig.HostLimit("www.example.com", 8, java.time.Duration.ZERO),
        new IngestConfig.HostLimit("slow.example", 3, java.time.Duration.ofMillis(100)));
    assertThat(config.ingest().robotsTtl()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(config.ingest().catchUpWindow()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(config.ingest().maxPageBytes()).isEqualTo(IngestConfig.DEFAULT_MAX_PAGE_BYTES);
  }

  @Test
  void shouldRefuseAMaxPageSizeAboveWhatTheRawTopicTakes() {
    assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  max-page-bytes: 16777216\n", Map.of()))
        .hasMessageContaining("ingest.max-page-bytes").hasMessageContaining("16777216");
    assertThatThrownBy(() -> ConfigLoader.parse("feeds:\n  - {url: https://a/rss, robots: maybe}\n", Map.of()))
        .hasMessageContaining("feeds[0].robots").hasMessageContaining("true or false");
  }
}
