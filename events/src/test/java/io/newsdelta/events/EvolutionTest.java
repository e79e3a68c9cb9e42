package io.newsdelta.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Records written before a field was added still read, with the field defaulted. */
class EvolutionTest {

  @Test
  void shouldReadAVersionWrittenBeforeTheProvenanceFields() {
    ArticleVersion v =
        Json.read(
            "{\"articleId\":\"a\",\"url\":\"u\",\"version\":3,\"observedAt\":\"2009-04-27T10:00:00Z\","
                + "\"title\":\"T\",\"byline\":null,\"paragraphs\":[\"p\"],\"textSha256\":\"h\"}",
            ArticleVersion.class);

    assertThat(v.version()).isEqualTo(3);
    assertThat(v.paragraphs()).containsExactly("p");
    assertThat(v.extractorVersion()).isNull();
    assertThat(v.rebaseline()).isFalse();
    assertThat(v.revertOf()).isNull();
  }

  @Test
  void shouldWriteAndReadTheExtractorVersion() {
    ArticleVersion v =
        new ArticleVersion("a", "u", 2, java.time.Instant.EPOCH, "T", null, java.util.List.of("p"), "h", null, "7", true, 1);

    String json = Json.write(v);

    assertThat(json).contains("\"extractorVersion\":\"7\"").contains("\"rebaseline\":true");
    assertThat(Json.read(json, ArticleVersion.class)).isEqualTo(v);
  }
}
