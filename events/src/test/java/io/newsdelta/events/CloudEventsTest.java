package io.newsdelta.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

  @Test
  void shouldNameTheSchemaAndVersionOfTheValueInDataschema() {
    Headers headers = new RecordHeaders();
    CloudEvents.addHeaders(headers, "id-1", CloudEvents.TYPE_ARTICLE_CHANGE, "/newsdelta/diff-worker",
        Instant.parse("2026-12-01T10:00:00Z"));

    assertThat(value(headers, "ce_dataschema")).isEqualTo("urn:newsdelta:schema:ArticleChange.v1");
    assertThat(value(headers, "ce_time")).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(value(headers, "ce_id")).isEqualTo("id-1");
    assertThat(value(headers, "ce_type")).isEqualTo("io.newsdelta.article-change");
    assertThat(value(headers, "ce_source")).isEqualTo("/newsdelta/diff-worker");
    assertThat(value(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(value(headers, "content-type")).isEqualTo("application/json");
  }

  @Test
  void shouldReplaceHeadersAlreadyPresentAndKeepOneOfEach() {
    Headers headers = new RecordHeaders();
    CloudEvents.addHeaders(headers, "a", CloudEvents.TYPE_RAW_VERSION, "/x");
    CloudEvents.addHeaders(headers, "b", CloudEvents.TYPE_INGEST_STATE, "/x");

    assertThat(headers.headers("ce_id")).hasSize(1);
    assertThat(value(headers, "ce_id")).isEqualTo("b");
    assertThat(headers.lastHeader("ce_dataschema")).as("ingest state is internal: no schema").isNull();
    assertThat(Instant.parse(value(headers, "ce_time"))).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void shouldMapEveryPublicTypeToItsRecord() {
    assertThat(CloudEvents.valueTypes())
        .containsEntry(CloudEvents.TYPE_RAW_VERSION, RawVersion.class)
        .containsEntry(CloudEvents.TYPE_ARTICLE_VERSION, ArticleVersion.class)
        .containsEntry(CloudEvents.TYPE_ARTICLE_CHANGE, ArticleChange.class)
        .containsEntry(CloudEvents.TYPE_INGEST_ERROR, IngestError.class)
        .containsEntry(CloudEvents.TYPE_DEAD_LETTER, DeadLetter.class)
        .containsEntry(CloudEvents.TYPE_FEED_REGISTRATION, FeedRegistration.class)
        .doesNotContainKey(CloudEvents.TYPE_INGEST_STATE);
  }

  @Test
  void shouldPublishTheSchemaEachDataschemaNames() {
    CloudEvents.valueTypes().values().forEach(type -> {
      String resource = "schemas/" + type.getSimpleName() + ".v" + CloudEvents.SCHEMA_VERSION + ".json";
      assertThat(CloudEvents.class.getResource(resource)).as(resource).isNotNull();
      assertThat(read(resource)).contains("\"$id\" : \"" + CloudEvents.dataschema(type) + "\"");
    });
  }

  private static String read(String resource) {
    try (var in = CloudEvents.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String value(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
