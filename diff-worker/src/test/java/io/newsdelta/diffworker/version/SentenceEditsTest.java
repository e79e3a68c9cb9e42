package io.newsdelta.diffworker.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEditsTest {
  private static final String ID = "https://news.example/politics/1";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");
  private static final String A = "The minister resigned on Tuesday after a week of pressure.";
  private static final String B = "She had been in office for two years.";
  private static final String C = "Her deputy will take over until an election is held.";
  private static final String D = "The opposition called for a vote of confidence in the government.";

  private static ArticleChange change(ArticleText a, ArticleText b) {
    Observation first = Versioner.observe(null, ID, ID, T0, a);
    return Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), b).change();
  }

  @Test
  void shouldCountSentenceEditsAndSayThemInTheSummary() {
    ArticleChange c = change(
        new ArticleText("Minister resigns", null, "By A. Reporter", List.of(A, B, C, D)),
        new ArticleText("Minister quits", null, "By A. Reporter and B. Writer",
            List.of(A, "She had been in office for almost three years.", D, C, "Markets fell.",
                "Shares in the group dropped sharply.")));

    assertThat(c.stats().sentencesAdded()).isEqualTo(2);
    assertThat(c.stats().sentencesEdited()).isEqualTo(1);
    assertThat(c.stats().sentencesMoved()).isEqualTo(1);
    assertThat(c.stats().sentencesDeleted()).isZero();
    assertThat(c.bylineChanged()).isTrue();
    assertThat(c.standfirstChanged()).isFalse();
    assertThat(c.ledeChanged()).isFalse();
    assertThat(c.summary()).contains(
        "2 sentences added, 1 rewritten, 1 moved; headline changed from \"Minister resigns\" to \"Minister quits\"; byline changed");
  }

  @Test
  void shouldFlagAMovedParagraphAndARewrittenLedeAndStandfirst() {
    ArticleChange c = change(
        new ArticleText("T", "Old standfirst of the story.", null, List.of(A, B, C, D)),
        new ArticleText("T", "New standfirst of the story, longer.", null,
            List.of("The minister quit on Tuesday after a week of pressure.", B, D, C)));

    assertThat(c.ledeChanged()).isTrue();
    assertThat(c.standfirstChanged()).isTrue();
    assertThat(c.hunks()).filteredOn(Hunk::moved).isNotEmpty();
    assertThat(c.hunks()).extracting(Hunk::op).doesNotContainNull();
    assertThat(c.summary()).contains("1 sentence rewritten, 1 moved").contains("standfirst changed").contains("lede changed");
  }
}
