package io.newsdelta.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.FeedRegistration;
import io.newsdelta.ingest.registry.FeedRegistry.Ignored;
import io.newsdelta.ingest.registry.FeedRegistry.Started;
import io.newsdelta.ingest.registry.FeedRegistry.Stopped;
import io.newsdelta.ingest.registry.FeedRegistry.Unchanged;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRegistryTest {
  private static final String A = "https://news.example/a/rss";
  private static final String B = "https://news.example/b/rss";
  private static final String C = "https://news.example/c/rss";

  private final FeedRegistry registry = new FeedRegistry();

  @Test
  void shouldStartOnlyTheNetContentOfAPartitionOnceItIsLoaded() {
    registry.assign(List.of(0));

    assertThat(registry.apply(0, A, reg(A, "A"))).isInstanceOf(Unchanged.class);
    assertThat(registry.apply(0, B, reg(B, "B"))).isInstanceOf(Unchanged.class);
    assertThat(registry.apply(0, A, null)).isInstanceOf(Unchanged.class);
    assertThat(registry.apply(0, B, reg(B, "B renamed"))).isInstanceOf(Unchanged.class);
    assertThat(registry.owns(URI.create(B))).isFalse();

    assertThat(registry.loaded(0)).containsExactly(new Started(URI.create(B), "B renamed", 0));
    assertThat(registry.loaded(0)).isEmpty();
    assertThat(registry.feeds()).isEqualTo(Map.of(URI.create(B), 0));
    assertThat(registry.loading()).isEmpty();
  }

  @Test
  void shouldStartANewRegistrationAndStopATombstoneOnceLoaded() {
    registry.assign(List.of(1));
    registry.loaded(1);

    assertThat(registry.apply(1, C, reg(C, null))).isEqualTo(new Started(URI.create(C), null, 1));
    assertThat(registry.apply(1, C, reg(C, "again"))).isInstanceOf(Unchanged.class);
    assertThat(registry.owns(URI.create(C))).isTrue();
    assertThat(registry.apply(1, C, null)).isEqualTo(new Stopped(URI.create(C)));
    assertThat(registry.apply(1, C, null)).isInstanceOf(Unchanged.class);
    assertThat(registry.owns(URI.create(C))).isFalse();
  }

  @Test
  void shouldIgnoreRecordsOfPartitionsNotAssigned() {
    registry.assign(List.of(0));
    registry.loaded(0);

    assertThat(registry.apply(1, A, reg(A, "A"))).isInstanceOf(Unchanged.class);
    assertThat(registry.owns(URI.create(A))).isFalse();
  }

  @Test
  void shouldStopTheFeedsOfARevokedPartitionButNotThoseOfOthers() {
    registry.assign(List.of(0, 1));
    registry.apply(0, A, reg(A, "A"));
    registry.apply(1, B, reg(B, "B"));
    registry.loaded(0);
    registry.loaded(1);

    assertThat(registry.revoke(List.of(1))).containsExactly(new Stopped(URI.create(B)));
    assertThat(registry.owns(URI.create(A))).isTrue();
    assertThat(registry.assigned()).containsExactly(0);
    assertThat(registry.apply(1, C, reg(C, "C"))).isInstanceOf(Unchanged.class);
  }

  @Test
  void shouldStopNothingWhenAPartitionIsRevokedBeforeItWasLoaded() {
    registry.assign(List.of(0));
    registry.apply(0, A, reg(A, "A"));

    assertThat(registry.loading()).containsExactly(0);
    assertThat(registry.revoke(List.of(0))).isEmpty();
  }

  @Test
  void shouldPollAFeedRegisteredOnTwoPartitionsOnceAndUntilBothDropIt() {
    registry.assign(List.of(0, 1));
    registry.apply(0, A, reg(A, "A"));
    registry.apply(1, A, reg(A, "A"));

    assertThat(registry.loaded(0)).hasSize(1);
    assertThat(registry.loaded(1)).isEmpty();
    assertThat(registry.apply(0, A, null)).isInstanceOf(Unchanged.class);
    assertThat(registry.revoke(List.of(1))).containsExactly(new Stopped(URI.create(A)));
  }

  @Test
  void shouldIgnoreAKeyThatIsNotAnHttpUrl() {
    registry.assign(List.of(0));
    registry.loaded(0);

    assertThat(registry.apply(0, null, reg(A, "A"))).isInstanceOf(Ignored.class);
    assertThat(registry.apply(0, "ftp://news.example/rss", reg(A, "A")))
        .isEqualTo(new Ignored("key 'ftp://news.example/rss' is not an absolute http or https URL"));
    assertThat(registry.apply(0, "news example", reg(A, "A"))).isInstanceOf(Ignored.class);
    assertThat(registry.feeds()).isEmpty();
  }

  @Test
  void shouldStartASitemapWithItsKindAndScheduleAndRestartAFeedRegisteredAnotherWay() {
    registry.assign(List.of(0));
    registry.apply(0, A, new FeedRegistration(A, "A", "sitemap", "geometric"));

    assertThat(registry.loaded(0)).containsExactly(new Started(URI.create(A), "A", 0, "sitemap", "geometric"));
    assertThat(registry.apply(0, A, new FeedRegistration(A, "A renamed", "sitemap", "geometric")))
        .isInstanceOf(Unchanged.class);
    assertThat(registry.apply(0, A, new FeedRegistration(A, "A", null, null)))
        .isEqualTo(new FeedRegistry.Restarted(new Started(URI.create(A), "A", 0, "feed", "gaps")));
    assertThat(registry.owns(URI.create(A))).isTrue();
  }

  private static FeedRegistration reg(String url, String name) {
    return new FeedRegistration(url, name);
  }
}
