package io.newsdelta.bench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.bench.site.Newsroom;
import io.newsdelta.bench.site.Story;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditorTest {

  @Test
  void shouldEditOnlyArticlesFetchedSinceTheirLastEditAndLedgerTheExpectedText() {
    Newsroom room = new Newsroom(5, 4, 1_000);
    Ledger ledger = new Ledger();
    Editor editor = new Editor(room, ledger, 3);

    assertThat(editor.edit(2_000)).isFalse();
    room.serve(1, 2_500);
    assertThat(editor.edit(3_000)).isTrue();
    assertThat(editor.edit(3_100)).isFalse();

    List<LedgerEntry> entries = ledger.entries();
    assertThat(entries).hasSize(1);
    LedgerEntry e = entries.get(0);
    assertThat(e.article()).isEqualTo(1);
    assertThat(e.real()).isTrue();
    assertThat(e.atMillis()).isEqualTo(3_000);
    assertThat(e.lastCheckBefore()).isEqualTo(2_500);
    assertThat(e.editCount()).isEqualTo(1);
    Story now = Story.of(5, 1, room.peek(1).edits());
    Story base = Story.base(5, 1);
    if (e.kind().equals("DELETE")) {
      assertThat(base.paragraphs()).contains(e.expected());
      assertThat(now.paragraphs()).doesNotContain(e.expected());
    } else if (e.kind().equals("HEADLINE")) {
      assertThat(now.headline()).isEqualTo(e.expected());
    } else {
      assertThat(now.paragraphs()).contains(e.expected());
      assertThat(base.paragraphs()).doesNotContain(e.expected());
    }

    assertThat(ledger.firstServed(e)).isEmpty();
    room.serve(1, 4_000);
    assertThat(ledger.firstServed(e)).hasValue(4_000);
    assertThat(editor.edit(4_100)).isTrue();
  }

  @Test
  void shouldLedgerBoilerplateRerendersWithoutText() {
    Newsroom room = new Newsroom(5, 2, 1_000);
    Ledger ledger = new Ledger();
    Editor editor = new Editor(room, ledger, 3);
    room.serve(0, 1_500);
    room.serve(1, 1_500);
    int before = room.peek(0).boilerplate() + room.peek(1).boilerplate();

    assertThat(editor.rerender(2_000)).isTrue();

    assertThat(ledger.entries()).singleElement().satisfies(e -> {
      assertThat(e.real()).isFalse();
      assertThat(e.expected()).isNull();
    });
    assertThat(room.peek(0).boilerplate() + room.peek(1).boilerplate()).isEqualTo(before + 1);
    assertThat(room.peek(0).edits()).isEmpty();
  }

  @Test
  void shouldEditOnlyArticlesDueForACheckSoonWhenAskedTo() {
    Newsroom room = new Newsroom(5, 3, 1_000);
    Ledger ledger = new Ledger();
    Editor editor = new Editor(room, ledger, 3);
    editor.onlyDueWithin(java.time.Duration.ofSeconds(100), java.time.Duration.ofSeconds(10));
    room.serve(0, 10_000); // due at 110 s
    room.serve(1, 50_000); // due at 150 s
    room.serve(2, 95_000); // due at 195 s

    assertThat(editor.edit(60_000)).isFalse(); // nothing due by 70 s
    assertThat(editor.edit(101_000)).isTrue(); // article 0, due at 110 s
    assertThat(ledger.entries()).singleElement().satisfies(e -> assertThat(e.article()).isZero());
    assertThat(editor.edit(141_000)).isTrue();
    assertThat(ledger.entries().get(1).article()).isEqualTo(1);
  }
}
