package io.newsdelta.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a reader's query and a version's text are turned into what both databases index and match. */
class SearchIndexTest {
  @Test
  void shouldFoldCaseAccentsAndPunctuationTheSameWayForTextAndQueries() {
    assertThat(SearchIndex.fold("https://news.example/Café-Zürich?x=1")).isEqualTo("https news example cafe zurich x 1");
    assertThat(SearchIndex.fold("NAÏVE  école\n\tﬁne")).isEqualTo("naive ecole fine");
    assertThat(SearchIndex.fold("<script>alert(1)</script>")).isEqualTo("script alert 1 script");
    assertThat(SearchIndex.fold("  -- ** ")).isEmpty();
    assertThat(SearchIndex.fold(null)).isEmpty();
    assertThat(SearchIndex.text("Storm hits", "https://n.example/a", null, "[\"One, two.\",\"Three\"]"))
        .isEqualTo("storm hits https n example a one two three");
  }

  @Test
  void shouldReadQuotedPhrasesAndPunctuatedWordsAsPhrasesAndEverythingElseAsWords() {
    assertThat(SearchIndex.terms("Storm coast")).containsExactly(List.of("storm"), List.of("coast"));
    assertThat(SearchIndex.terms("\"storm hits\" coast")).containsExactly(List.of("storm", "hits"), List.of("coast"));
    assertThat(SearchIndex.terms("uk-politics")).containsExactly(List.of("uk", "politics"));
    assertThat(SearchIndex.terms("\"unclosed phrase")).containsExactly(List.of("unclosed", "phrase"));
    assertThat(SearchIndex.terms("\" * - ( ) :")).isEmpty();
    assertThat(SearchIndex.terms("NEAR(a b) AND c*")).containsExactly(List.of("near", "a"), List.of("b"),
        List.of("and"), List.of("c"));
    assertThat(SearchIndex.terms("a b c d e f g h i j k l m n o p q r").stream().mapToInt(List::size).sum())
        .isEqualTo(16);
  }

  @Test
  void shouldWriteTermsAsQueriesInWhichNothingTypedIsAnOperator() {
    List<List<String>> terms = SearchIndex.terms("\"storm hits\" not-or");
    assertThat(SearchIndex.fts5(terms)).isEqualTo("\"storm hits\" \"not or\"");
    assertThat(SearchIndex.tsquery(terms)).isEqualTo("(storm <-> hits) & (not <-> or)");
  }

  @Test
  void shouldOrderSearchKeysAsLastChangesAndKeepSlotsApart() {
    long t = 1_790_000_000_000L;
    assertThat(SearchIndex.key(t, 0)).isLessThan(SearchIndex.key(t, 1));
    assertThat(SearchIndex.key(t, (1 << SearchIndex.SLOT_BITS) - 1)).isLessThan(SearchIndex.key(t + 1, 0));
    assertThat(SearchIndex.key(t, 5) >> SearchIndex.SLOT_BITS).isEqualTo(t);
    assertThat(SearchIndex.key(-5, 0)).isZero();
    assertThat(SearchIndex.key(Long.MAX_VALUE, 0)).isPositive();
  }
}
