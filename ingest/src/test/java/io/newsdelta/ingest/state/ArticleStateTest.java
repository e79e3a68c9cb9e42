package io.newsdelta.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleStateTest {
  @Test
  void shouldRoundTripThroughTheSharedJsonWithIsoTimestamps() {
    ArticleState state =
        new ArticleState("https://x/a", "https://x/a?utm_source=rss", "https://x/rss",
            Instant.parse("2025-03-01T10:00:00Z"), 2, Instant.parse("2025-03-01T10:05:01Z"),
            Instant.parse("2025-03-01T10:20:01Z"), "abc", Instant.parse("2025-03-01T10:00:01Z"), null);

    String json = Json.write(state);

    assertThat(json).contains("\"firstSeen\":\"2025-03-01T10:00:00Z\"", "\"fetches\":2", "\"lastErrorKind\":null");
    assertThat(Json.read(json, ArticleState.class)).isEqualTo(state);
  }

  @Test
  void shouldIgnoreFieldsAddedByLaterVersions() {
    String json = "{\"articleId\":\"https://x/a\",\"url\":\"https://x/a\",\"feedUrl\":\"https://x/rss\","
        + "\"firstSeen\":\"2025-03-01T10:00:00Z\",\"fetches\":1,\"nextCheckAt\":null,\"someday\":true}";

    ArticleState state = Json.read(json, ArticleState.class);

    assertThat(state.fetches()).isEqualTo(1);
    assertThat(state.nextCheckAt()).isNull();
  }
}
