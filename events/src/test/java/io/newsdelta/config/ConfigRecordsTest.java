package io.newsdelta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records check their own invariants, so a config built in code is held to the same rules as a file. */
class ConfigRecordsTest {
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  @Test
  void shouldRefuseAZeroPollIntervalNamingTheKey() {
    assertThatThrownBy(() -> new IngestConfig(List.of(), Duration.ZERO, List.of(ONE_MINUTE), ONE_MINUTE, 4096, "ua", 2))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key ingest.feed-poll-interval: value 'PT0S' is not allowed; a positive duration such as 30s or 5m");
  }

  @Test
  void shouldRefuseANegativeRecheckGapNamingWhichOne() {
    assertThatThrownBy(
            () -> new IngestConfig(List.of(), ONE_MINUTE, List.of(ONE_MINUTE, ONE_MINUTE.negated()), ONE_MINUTE, 4096, "ua", 2))
        .hasMessageContaining("ingest.article-recheck[1]");
  }

  @Test
  void shouldRefuseNoFetchConcurrencyAndNoUserAgent() {
    assertThatThrownBy(() -> new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, 4096, "ua", 0))
        .hasMessageContaining("ingest.fetch-concurrency").hasMessageContaining("from 1 to 4096");
    assertThatThrownBy(() -> new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, 4096, " ", 2))
        .hasMessageContaining("ingest.user-agent");
  }

  @Test
  void shouldRefuseAPageLimitTheRawTopicCannotTakeOnceEncoded() {
    int tooLarge = IngestConfig.MAX_PAGE_BYTES + 1;
    assertThatThrownBy(() -> new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, tooLarge, "ua", 2))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.max-page-bytes")
        .hasMessageContaining(String.valueOf(tooLarge))
        .hasMessageContaining("three times");
    // Three times the largest allowed page, plus the envelope, still fits one message of the raw topic.
    assertThat(3L * IngestConfig.MAX_PAGE_BYTES + IngestConfig.ENVELOPE_HEADROOM)
        .isLessThanOrEqualTo(io.newsdelta.events.Topics.MAX_MESSAGE_BYTES);
    assertThatCode(() -> new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, IngestConfig.MAX_PAGE_BYTES,
        "ua", 2)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAHostListedTwice() {
    var a = new IngestConfig.HostLimit("News.Example", 2, Duration.ZERO);
    var b = new IngestConfig.HostLimit("news.example", 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> new IngestConfig(List.of(), ONE_MINUTE, List.of(), ONE_MINUTE, 4096, "ua", 2, 2,
            Duration.ZERO, List.of(a, b), ONE_MINUTE, ONE_MINUTE))
        .hasMessageContaining("ingest.hosts").hasMessageContaining("news.example");
  }

  @Test
  void shouldRefuseAWebhookThatIsNotHttp() {
    assertThatThrownBy(
            () -> new NotifierConfig("127.0.0.1", 0, List.of(URI.create("mailto:x@example.com")), 3, Duration.ZERO))
        .hasMessageContaining("notifier.webhooks[0]").hasMessageContaining("mailto:x@example.com");
  }

  @Test
  void shouldAllowRetryingAtOnce() {
    assertThatCode(() -> new NotifierConfig("127.0.0.1", 0, List.of(), 1, Duration.ZERO)).doesNotThrowAnyException();
  }
}
