package io.newsdelta.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void shouldWriteTheContractFieldsWithIsoTimesAndLowerCaseOps() {
    ArticleChange change =
        new ArticleChange("id#1-2", "id", "https://x/", "New", 1, 2, Instant.parse("2009-04-27T10:00:00Z"),
            Instant.parse("2009-04-27T10:40:00Z"), true, false, null,
            List.of(new Hunk(Hunk.Op.REPLACE, "old", "new")), new ChangeStats(1, 1), "s", "Old");

    String json = Json.write(change);

    assertThat(json)
        .contains("\"fromObservedAt\":\"2009-04-27T10:00:00Z\"")
        .contains("\"op\":\"replace\"")
        .contains("\"revertOf\":null")
        .contains("\"stats\":{\"wordsAdded\":1,\"wordsRemoved\":1,");
    assertThat(Json.read(json, ArticleChange.class)).isEqualTo(change);
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnow() {
    RawVersion raw = Json.read("{\"articleId\":\"a\",\"httpStatus\":200,\"someFutureField\":1}", RawVersion.class);

    assertThat(raw.articleId()).isEqualTo("a");
  }

  @Test
  void shouldCarryTheExtractedTextOfARawVersionAndReadRecordsWrittenWithoutIt() {
    RawVersion raw = new RawVersion("a", "https://x/", "https://x/rss", Instant.parse("2009-04-27T10:00:00Z"), 200,
        "text/html", Hashes.sha256("<p>Hi</p>"), "<p>Hi</p>")
        .withText(new RawVersion.Text("2", "Title", null, "By A", List.of("Hi"), null));

    String json = Json.write(raw);

    assertThat(json).contains("\"text\":{\"extractor\":\"2\",\"title\":\"Title\",");
    assertThat(Json.read(json, RawVersion.class)).isEqualTo(raw);
    assertThat(Json.read("{\"articleId\":\"a\",\"httpStatus\":200,\"body\":\"<p>Hi</p>\"}", RawVersion.class)
        .text()).isNull();
  }
}
