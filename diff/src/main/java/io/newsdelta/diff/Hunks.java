package io.newsdelta.diff;

import io.newsdelta.events.Hunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The hunks of a change event, read off a {@link BodyDiff}: each run of deleted and inserted words inside an
 * edited paragraph is one hunk, and a run of paragraphs removed or added whole is one hunk (paragraphs
 * separated by a newline).
 */
public final class Hunks {
  private Hunks() {}

  public static List<Hunk> of(BodyDiff diff) {
    List<Hunk> hunks = new ArrayList<>();
    Run run = new Run();
    for (ParagraphDiff paragraph : diff.paragraphs()) {
      switch (paragraph.kind()) {
        case UNCHANGED -> run.flush(hunks, "\n");
        case DELETED, INSERTED -> {
          if (paragraph.moved()) {
            // Each end of a move is a hunk of its own, so the flag belongs to exactly the moved text.
            run.flush(hunks, "\n");
            boolean away = paragraph.kind() == ParagraphDiff.Kind.DELETED;
            hunks.add(new Hunk(away ? Hunk.Op.DELETE : Hunk.Op.INSERT, away ? paragraph.plainText() : "",
                away ? "" : paragraph.plainText(), true));
          } else if (paragraph.kind() == ParagraphDiff.Kind.DELETED) {
            run.deleted.add(paragraph.plainText());
          } else {
            run.inserted.add(paragraph.plainText());
          }
        }
        case CHANGED -> {
          run.flush(hunks, "\n");
          for (Segment s : paragraph.segments()) {
            switch (s.kind()) {
              case EQUAL -> run.flush(hunks, " ");
              case DELETED -> run.deleted.add(s.text());
              case INSERTED -> run.inserted.add(s.text());
            }
          }
          run.flush(hunks, " ");
        }
      }
    }
    run.flush(hunks, "\n");
    return List.copyOf(hunks);
  }

  /** Deleted and inserted text waiting to become one hunk. */
  private static final class Run {
    final List<String> deleted = new ArrayList<>();
    final List<String> inserted = new ArrayList<>();

    void flush(List<Hunk> hunks, String separator) {
      if (deleted.isEmpty() && inserted.isEmpty()) {
        return;
      }
      String oldText = String.join(separator, deleted);
      String newText = String.join(separator, inserted);
      Hunk.Op op = oldText.isEmpty() ? Hunk.Op.INSERT : newText.isEmpty() ? Hunk.Op.DELETE : Hunk.Op.REPLACE;
      hunks.add(new Hunk(op, oldText, newText));
      deleted.clear();
      inserted.clear();
    }
  }
}
