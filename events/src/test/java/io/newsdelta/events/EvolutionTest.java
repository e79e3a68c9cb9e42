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

  @Test
  void shouldReadAChangeWrittenBeforeTheAddedFieldsAsAnEdit() {
    ArticleChange c =
        Json.read(
            "{\"changeId\":\"a#1-2\",\"articleId\":\"a\",\"fromVersion\":1,\"toVersion\":2,"
                + "\"hunks\":[{\"op\":\"replace\",\"oldText\":\"x\",\"newText\":\"y\"}],"
                + "\"stats\":{\"wordsAdded\":1,\"wordsRemoved\":1},\"minor\":true}",
            ArticleChange.class);

    assertThat(c.kind()).isEqualTo(ArticleChange.Kind.EDIT);
    assertThat(c.movedTo()).isNull();
    assertThat(c.minorKind()).isNull();
    assertThat(c.correction()).isFalse();
    assertThat(c.hunks().get(0).moved()).isFalse();
    assertThat(c.stats().sentencesAdded()).isZero();
  }

  @Test
  void shouldWriteTheKindLowerCase() {
    ArticleChange c = new ArticleChange("a#1-2", "a", "u", "T", 1, 2, null, null, false, false, null,
        java.util.List.of(new Hunk(Hunk.Op.INSERT, "", "p", true)), new ChangeStats(0, 0, 0, 0, 0, 1), "s", "T",
        false, null, false, null, false, false, false, ArticleChange.Kind.MOVED, "https://x/new");

    String json = Json.write(c);

    assertThat(json).contains("\"kind\":\"moved\"").contains("\"movedTo\":\"https://x/new\"")
        .contains("\"moved\":true").contains("\"sentencesMoved\":1");
    assertThat(Json.read(json, ArticleChange.class)).isEqualTo(c);
  }
}
