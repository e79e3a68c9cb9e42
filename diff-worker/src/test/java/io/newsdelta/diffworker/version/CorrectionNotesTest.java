package io.newsdelta.diffworker.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorrectionNotesTest {
  private static final String ID = "https://news.example/politics/1";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");
  private static final List<String> BODY =
      List.of("The government has announced plans to monitor all internet use.", "Ministers said it would help.");

  private static ArticleChange withAdded(String note) {
    List<String> edited = new ArrayList<>(BODY);
    edited.add(note);
    Observation first = Versioner.observe(null, ID, ID, T0, new ArticleText("Plan", null, null, BODY));
    return Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), new ArticleText("Plan", null, null, edited))
        .change();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Correction: an earlier version said the plan would cost £2bn.",
      "Clarification: the minister spoke to the BBC, not to Sky.",
      "An earlier version of this article misstated the date of the vote.",
      "This article was amended on 28 April 2009 to correct the minister's title.",
      "Korrektur: In einer früheren Version hieß es, der Plan koste zwei Milliarden.",
      "In einer früheren Version dieses Artikels stand ein falsches Datum.",
      "Rectificatif : une précédente version de cet article indiquait une autre date.",
      "Cet article a été modifié le 28 avril pour corriger le nom du ministre.",
      "Fe de errores: una versión anterior de este artículo daba otra fecha.",
      "Este artículo fue corregido para reflejar el cargo del ministro.",
      "Rettifica: il ministro ha parlato alla BBC.",
      "Questo articolo è stato aggiornato alle 14:05.",
      "Correctie: in een eerdere versie van dit artikel stond een verkeerde datum.",
      "Dit artikel is aangepast na nieuwe informatie.",
      "Correção: uma versão anterior deste artigo indicava outra data.",
      "Este artigo foi atualizado às 14h05."})
  void shouldFlagAnAddedCorrectionNoteInEachLanguage(String note) {
    ArticleChange c = withAdded(note);

    assertThat(c.correction()).isTrue();
    assertThat(c.correctionNote()).isEqualTo(note);
    assertThat(c.minor()).isFalse();
    assertThat(c.summary()).contains("correction note added");
  }

  @Test
  void shouldNotFlagAnOrdinaryParagraph() {
    ArticleChange c = withAdded("The correction of the figures will take months, officials said.");

    assertThat(c.correction()).isFalse();
    assertThat(c.correctionNote()).isNull();
    assertThat(c.summary()).doesNotContain("correction note");
  }

  @Test
  void shouldNotFlagANoteThatWasAlreadyThere() {
    List<String> withNote = new ArrayList<>(BODY);
    withNote.add("Correction: the plan costs £2bn.");
    Observation first = Versioner.observe(null, ID, ID, T0, new ArticleText("Plan", null, null, withNote));
    List<String> edited = new ArrayList<>(withNote);
    edited.set(1, "Ministers said it would help the police.");

    ArticleChange c =
        Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), new ArticleText("Plan", null, null, edited)).change();

    assertThat(c.correction()).isFalse();
  }

  @Test
  void shouldAnnounceACorrectionNoteAtOnceEvenOnALiveBlog() {
    VersionPolicy policy = new VersionPolicy("1", java.time.Duration.ofMinutes(15));
    List<String> body = new ArrayList<>(BODY);
    Observation v1 = Versioner.observe(null, ID, ID, T0, new ArticleText("Live", null, null, body), policy);
    body.add("Post 1: the count goes on.");
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), new ArticleText("Live", null, null, body), policy);
    body.add("Correction: an earlier post gave the wrong turnout.");

    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), new ArticleText("Live", null, null, body), policy);

    assertThat(v2.change().appendOnly()).isTrue();
    assertThat(v3.change().correction()).isTrue();
    assertThat(v3.change().appendOnly()).isFalse();
  }
}
