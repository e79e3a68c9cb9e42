package io.newsdelta.notifier.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.ParagraphDiff.Kind;
import io.newsdelta.diff.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

  private static ArticleVersion version(int n, String title, String... paragraphs) {
    return new ArticleVersion(
        "https://news.example/a", "https://news.example/a", n, Instant.parse("2026-11-23T10:00:00Z"),
        title, null, List.of(paragraphs), "sha" + n, null);
  }

  @Test
  void shouldKeepUnchangedParagraphsAndDiffTheEditedOneWordByWord() {
    VersionDiff diff =
        VersionDiff.between(
            version(1, "Storm hits coast", "First paragraph.", "Ten people were hurt.", "Last paragraph."),
            version(2, "Storm hits coast", "First paragraph.", "Twelve people were hurt.", "Last paragraph."));

    assertThat(diff.headlineChanged()).isFalse();
    assertThat(diff.paragraphs()).extracting(ParagraphDiff::kind)
        .containsExactly(Kind.UNCHANGED, Kind.CHANGED, Kind.UNCHANGED);
    assertThat(diff.paragraphs().get(1).segments())
        .containsExactly(
            new Segment(Segment.Kind.DELETED, "Ten"),
            new Segment(Segment.Kind.INSERTED, "Twelve"),
            new Segment(Segment.Kind.EQUAL, "people were hurt."));
    assertThat(diff.body().changedParagraphs()).isEqualTo(1);
  }

  @Test
  void shouldShowAParagraphAddedAtTheTopWithoutMarkingTheOthersEdited() {
    VersionDiff diff =
        VersionDiff.between(
            version(1, "T", "One.", "Two."),
            version(2, "T", "Breaking: update.", "One.", "Two."));

    assertThat(diff.paragraphs()).extracting(ParagraphDiff::kind)
        .containsExactly(Kind.INSERTED, Kind.UNCHANGED, Kind.UNCHANGED);
    assertThat(diff.paragraphs().get(0).plainText()).isEqualTo("Breaking: update.");
  }

  @Test
  void shouldShowARemovedParagraphAsDeleted() {
    VersionDiff diff = VersionDiff.between(version(1, "T", "One.", "Gone.", "Two."), version(2, "T", "One.", "Two."));

    assertThat(diff.paragraphs()).extracting(ParagraphDiff::kind)
        .containsExactly(Kind.UNCHANGED, Kind.DELETED, Kind.UNCHANGED);
    assertThat(diff.paragraphs().get(1).plainText()).isEqualTo("Gone.");
  }

  @Test
  void shouldDiffTheHeadline() {
    VersionDiff diff = VersionDiff.between(version(1, "PM to resign"), version(2, "PM will not resign"));

    assertThat(diff.headlineChanged()).isTrue();
    assertThat(diff.headline())
        .containsExactly(
            new Segment(Segment.Kind.EQUAL, "PM"),
            new Segment(Segment.Kind.DELETED, "to"),
            new Segment(Segment.Kind.INSERTED, "will not"),
            new Segment(Segment.Kind.EQUAL, "resign"));
  }

  @Test
  void shouldAlignParagraphsSideBySideWithDeletedWordsLeftAndInsertedWordsRight() {
    VersionDiff diff = VersionDiff.between(
        version(1, "T", "Same.", "Ten people were hurt.", "Gone."),
        version(2, "T", "Same.", "Twelve people were hurt.", "Added at the end, a new paragraph here."));

    List<SideBySideRow> rows = diff.sideBySide();
    assertThat(rows).extracting(SideBySideRow::kind).containsExactly(Kind.UNCHANGED, Kind.CHANGED, Kind.CHANGED);
    assertThat(rows.get(1).left()).containsExactly(
        new Segment(Segment.Kind.DELETED, "Ten"), new Segment(Segment.Kind.EQUAL, "people were hurt."));
    assertThat(rows.get(1).right()).containsExactly(
        new Segment(Segment.Kind.INSERTED, "Twelve"), new Segment(Segment.Kind.EQUAL, "people were hurt."));
    assertThat(rows.get(0).left()).isEqualTo(rows.get(0).right());
  }

  @Test
  void shouldLeaveTheOtherCellEmptyForARemovedOrAddedParagraph() {
    List<SideBySideRow> rows =
        VersionDiff.between(version(1, "T", "One.", "Gone."), version(2, "T", "One.")).sideBySide();
    assertThat(rows.get(1).kind()).isEqualTo(Kind.DELETED);
    assertThat(rows.get(1).left()).containsExactly(new Segment(Segment.Kind.DELETED, "Gone."));
    assertThat(rows.get(1).right()).isEmpty();
    assertThat(VersionDiff.between(version(1, "T", "One."), version(2, "T", "One.")).anyChange()).isFalse();
  }
}
