package io.newsdelta.diffworker.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinorEditsTest {
  private static final String ID = "https://news.example/politics/1";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");
  private static final String LEDE = "The government has announced plans to monitor all internet use in Britain.";
  private static final String SECOND = "Ministers said the database would help the police fight serious crime.";

  private static ArticleChange change(ArticleText a, ArticleText b) {
    Observation first = Versioner.observe(null, ID, ID, T0, a);
    return Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), b).change();
  }

  private static ArticleText text(String title, String... paragraphs) {
    return new ArticleText(title, null, null, List.of(paragraphs));
  }

  @Test
  void shouldMarkASplitParagraphAsWhitespace() {
    ArticleChange c = change(text("Plan", LEDE + " " + SECOND), text("Plan", LEDE, SECOND));

    assertThat(c.minor()).isTrue();
    assertThat(c.minorKind()).isEqualTo("whitespace");
  }

  @Test
  void shouldMarkAPunctuationFixAsPunctuationEvenInTheHeadline() {
    ArticleChange c = change(text("Plan to monitor internet use", LEDE, SECOND),
        text("Plan to monitor internet use.", LEDE.replace("plans", "plans,"), SECOND));

    assertThat(c.minorKind()).isEqualTo("punctuation");
  }

  @Test
  void shouldMarkANewDateLineAsDate() {
    ArticleChange c = change(text("Plan", "Updated 10:42 GMT, Monday 27 April 2009", LEDE, SECOND),
        text("Plan", "Updated 14:05 GMT, Tuesday 28 April 2009", LEDE, SECOND));

    assertThat(c.minor()).isTrue();
    assertThat(c.minorKind()).isEqualTo("date");
  }

  @Test
  void shouldMarkAnAddedDateLineAsDate() {
    ArticleChange c = change(text("Plan", LEDE, SECOND), text("Plan", "Aktualisiert am 28. April 2009, 14:05 Uhr", LEDE, SECOND));

    assertThat(c.minorKind()).isEqualTo("date");
  }

  @Test
  void shouldNotMarkAChangedNumberAsDateOrTypo() {
    ArticleChange c = change(text("Plan", "Ten people were hurt in 2009 and 45 more in the next years of the plan."),
        text("Plan", "Ten people were hurt in 2009 and 47 more in the next years of the plan."));

    assertThat(c.minorKind()).isEqualTo("few-words");
  }

  @Test
  void shouldMarkALetterOrTwoAsATypo() {
    ArticleChange c = change(text("Plan", "The goverment has anounced plans to monitor all internet use."),
        text("Plan", "The government has announced plans to monitor all internet use."));

    assertThat(c.minor()).isTrue();
    assertThat(c.minorKind()).isEqualTo("typo");
  }

  @Test
  void shouldNotMarkARewrittenSentenceMinor() {
    ArticleChange c = change(text("Plan", LEDE, SECOND),
        text("Plan", LEDE, "Campaigners said the database would be a step towards a surveillance state."));

    assertThat(c.minor()).isFalse();
    assertThat(c.minorKind()).isNull();
  }

  @Test
  void shouldNotMarkAMovedDayInASentenceAsADateLine() {
    ArticleChange c = change(text("Plan", "The vote is on Tuesday."), text("Plan", "The vote is on Wednesday."));

    assertThat(c.minorKind()).isEqualTo("few-words");
  }
}
