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
    assertThatThrownBy(() -> IngestConfig.builder().feeds(List.of()).feedPollInterval(Duration.ZERO).articleRecheck(List.of(ONE_MINUTE)).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(4096).userAgent("ua").fetchConcurrency(2).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key ingest.feed-poll-interval: value 'PT0S' is not allowed; a positive duration such as 30s or 5m");
  }

  @Test
  void shouldRefuseANegativeRecheckGapNamingWhichOne() {
    assertThatThrownBy(
            () -> IngestConfig.builder().feeds(List.of()).feedPollInterval(ONE_MINUTE).articleRecheck(List.of(ONE_MINUTE, ONE_MINUTE.negated())).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(4096).userAgent("ua").fetchConcurrency(2).build())
        .hasMessageContaining("ingest.article-recheck[1]");
  }

  @Test
  void shouldRefuseNoFetchConcurrencyAndNoUserAgent() {
    assertThatThrownBy(() -> IngestConfig.builder().feeds(List.of()).feedPollInterval(ONE_MINUTE).articleRecheck(List.of()).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(4096).userAgent("ua").fetchConcurrency(0).build())
        .hasMessageContaining("ingest.fetch-concurrency").hasMessageContaining("from 1 to 4096");
    assertThatThrownBy(() -> IngestConfig.builder().feeds(List.of()).feedPollInterval(ONE_MINUTE).articleRecheck(List.of()).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(4096).userAgent(" ").fetchConcurrency(2).build())
        .hasMessageContaining("ingest.user-agent");
  }

  @Test
  void shouldRefuseAPageLimitTheRawTopicCannotTakeOnceEncoded() {
    int tooLarge = IngestConfig.MAX_PAGE_BYTES + 1;
    assertThatThrownBy(() -> IngestConfig.builder().feeds(List.of()).feedPollInterval(ONE_MINUTE).articleRecheck(List.of()).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(tooLarge).userAgent("ua").fetchConcurrency(2).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.max-page-bytes")
        .hasMessageContaining(String.valueOf(tooLarge))
        .hasMessageContaining("three times");
    // Three times the largest allowed page, plus the envelope, still fits one message of the raw topic.
    assertThat(3L * IngestConfig.MAX_PAGE_BYTES + IngestConfig.ENVELOPE_HEADROOM)
        .isLessThanOrEqualTo(io.newsdelta.events.Topics.MAX_MESSAGE_BYTES);
    assertThatCode(() -> IngestConfig.builder().feeds(List.of()).feedPollInterval(ONE_MINUTE).articleRecheck(List.of()).fetchTimeout(ONE_MINUTE)
            .maxPageBytes(IngestConfig.MAX_PAGE_BYTES).userAgent("ua").fetchConcurrency(2).build()).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAHostListedTwice() {
    var a = new IngestConfig.HostLimit("News.Example", 2, Duration.ZERO);
    var b = new IngestConfig.HostLimit("news.example", 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> IngestConfig.builder().hostConcurrency(2).hostMinGap(Duration.ZERO)
            .hosts(List.of(a, b)).build())
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
