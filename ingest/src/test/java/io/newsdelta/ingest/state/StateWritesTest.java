package io.newsdelta.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateWritesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final ArticleState TAKEN = new ArticleState("https://x/a", "https://x/a", "https://x/rss", T0, 1, T0,
      T0.plus(Duration.ofMinutes(5)), "sha", T0, null, "\"v1\"", "Sat, 01 Mar 2025 09:00:00 GMT", "text");

  @Test
  void shouldKeepAnUnchangedCheckThatOnlyMovesTheCountAndTheDueTime() {
    ArticleState after = TAKEN.fetched(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(20)), null);

    assertThat(StateWrites.mustWrite(TAKEN, after)).isFalse();
  }

  @Test
  void shouldWriteTheLastCheckOfTheSchedule() {
    ArticleState after = TAKEN.fetched(T0.plus(Duration.ofMinutes(5)), null, null);

    assertThat(StateWrites.mustWrite(TAKEN, after)).isTrue();
  }

  @Test
  void shouldKeepNewValidatorsOfAPageWhoseTextDidNotChange() {
    Instant at = T0.plus(Duration.ofMinutes(5));
    ArticleState rerendered = TAKEN.fetched(at, T0.plus(Duration.ofMinutes(20)), null).taken("\"v2\"", null, "text");

    assertThat(StateWrites.mustWrite(TAKEN, rerendered)).isFalse();
  }

  @Test
  void shouldWriteANewTextAFailureARecoveryAndAMovedPage() {
    Instant at = T0.plus(Duration.ofMinutes(5));
    Instant next = T0.plus(Duration.ofMinutes(20));
    ArticleState failing = TAKEN.fetched(at, next, "page-http-status");

    assertThat(StateWrites.mustWrite(TAKEN, TAKEN.fetched(at, next, null).taken("\"v2\"", null, "text2"))).isTrue();
    assertThat(StateWrites.mustWrite(TAKEN, failing)).isTrue();
    assertThat(StateWrites.mustWrite(failing, failing.fetched(at, next, null))).isTrue();
    assertThat(StateWrites.mustWrite(TAKEN, TAKEN.fetched(at, next, null).located("https://x/b", null))).isTrue();
    assertThat(StateWrites.mustWrite(TAKEN, TAKEN.fetched(at, next, null).published("sha2", at))).isTrue();
  }
}
