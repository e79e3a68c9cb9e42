package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the word diff over generated texts (a small vocabulary, so that old and new share words as
 * edited articles do, and arbitrary Unicode, so that nothing throws): whatever the input, the old side of the
 * diff reads as the old text and the new side as the new text, word for word.
 */
class DiffPropertiesTest {
  @Property(tries = 500)
  void shouldKeepEveryWordOfBothTextsInOrder(@ForAll("texts") String oldText, @ForAll("texts") String newText) {
    for (List<Segment> segments : List.of(WordDiff.between(oldText, newText), WordDiff.readable(oldText, newText))) {
      assertThat(side(segments, Segment.Kind.INSERTED)).isEqualTo(WordDiff.words(oldText));
      assertThat(side(segments, Segment.Kind.DELETED)).isEqualTo(WordDiff.words(newText));
    }
  }

  @Property(tries = 300)
  void shouldNeverThrowOnArbitraryUnicode(@ForAll("unicode") String oldText, @ForAll("unicode") String newText) {
    List<Segment> segments = WordDiff.readable(oldText, newText);

    assertThat(side(segments, Segment.Kind.INSERTED)).isEqualTo(WordDiff.words(oldText));
  }

  @Property(tries = 300)
  void shouldAccountForEveryWordOfBothBodies(
      @ForAll("bodies") List<String> oldBody, @ForAll("bodies") List<String> newBody) {
    BodyDiff diff = BodyDiff.between(oldBody, newBody);

    List<String> oldSide = new ArrayList<>();
    List<String> newSide = new ArrayList<>();
    for (ParagraphDiff paragraph : diff.paragraphs()) {
      for (Segment s : paragraph.segments()) {
        List<String> words = WordDiff.words(s.text());
        if (s.kind() != Segment.Kind.INSERTED && paragraph.kind() != ParagraphDiff.Kind.INSERTED) {
          oldSide.addAll(words);
        }
        if (s.kind() != Segment.Kind.DELETED && paragraph.kind() != ParagraphDiff.Kind.DELETED) {
          newSide.addAll(words);
        }
      }
    }
    assertThat(oldSide).containsExactlyInAnyOrderElementsOf(allWords(oldBody));
    assertThat(newSide).containsExactlyInAnyOrderElementsOf(allWords(newBody));
    Hunks.of(diff); // hunks are derivable from any diff
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("the", "minister", "said", "police", "will", "not", "act", "on", "Tuesday", "—", "a",
            "plan", "to", "monitor", "all", "internet", "use", "“quoted”", "2009.")
        .list().ofMaxSize(40)
        .map(words -> words.stream().collect(Collectors.joining(" ")))
        .edgeCases(config -> config.add(""));
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().all().ofMaxLength(200);
  }

  @Provide
  Arbitrary<List<String>> bodies() {
    return texts().filter(t -> !t.isBlank()).list().ofMaxSize(8);
  }

  /** The words of one side: every segment but those of the other side's kind. */
  private static List<String> side(List<Segment> segments, Segment.Kind otherSide) {
    return segments.stream().filter(s -> s.kind() != otherSide)
        .flatMap(s -> WordDiff.words(s.text()).stream()).toList();
  }

  private static List<String> allWords(List<String> body) {
    return body.stream().flatMap(p -> WordDiff.words(p).stream()).toList();
  }
}
