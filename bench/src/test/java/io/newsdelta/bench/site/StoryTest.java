package io.newsdelta.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryTest {

  @Test
  void shouldGenerateTheSameStoryFromTheSameSeedAndEdits() {
    byte[] edits = {(byte) EditKind.HEADLINE.ordinal(), (byte) EditKind.INSERT.ordinal()};
    assertThat(Story.of(9, 12, edits)).isEqualTo(Story.of(9, 12, edits.clone()));
    assertThat(Story.of(9, 12, new byte[0])).isNotEqualTo(Story.of(10, 12, new byte[0]));
    assertThat(Story.baseHeadline(9, 12)).isEqualTo(Story.base(9, 12).headline());
  }

  @Test
  void shouldChangeExactlyWhatEachEditKindSays() {
    Story base = Story.base(1, 3);
    Story headline = base.edited(1, 3, 0, EditKind.HEADLINE);
    Story rewrite = base.edited(1, 3, 0, EditKind.REWRITE);
    Story insert = base.edited(1, 3, 0, EditKind.INSERT);
    Story delete = base.edited(1, 3, 0, EditKind.DELETE);

    assertThat(headline.headline()).isNotEqualTo(base.headline());
    assertThat(headline.paragraphs()).isEqualTo(base.paragraphs());
    assertThat(rewrite.paragraphs()).hasSameSizeAs(base.paragraphs()).isNotEqualTo(base.paragraphs());
    assertThat(insert.paragraphs()).hasSize(base.paragraphs().size() + 1).containsAll(base.paragraphs());
    assertThat(delete.paragraphs()).hasSize(base.paragraphs().size() - 1);
    assertThat(base.paragraphs()).containsAll(delete.paragraphs());
  }

  @Test
  void shouldInsertInsideTheStoryNeverAtTheTopOrBottomWhereTheDiffWorkerSeesALiveBlogsGrowth() {
    for (int article = 0; article < 200; article++) {
      Story base = Story.base(7, article);
      for (int index = 0; index < 5; index++) {
        java.util.List<String> before = base.paragraphs();
        java.util.List<String> after = base.edited(7, article, index, EditKind.INSERT).paragraphs();
        assertThat(after.get(0)).as("article %d edit %d", article, index).isEqualTo(before.get(0));
        assertThat(after.get(after.size() - 1)).as("article %d edit %d", article, index)
            .isEqualTo(before.get(before.size() - 1));
      }
    }
  }
}
