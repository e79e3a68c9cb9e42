package io.newsdelta.bench.site;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The text of one article at one revision: what an extractor should find on its page.
 *
 * @param headline   the headline
 * @param byline     the author
 * @param paragraphs the body, in order
 */
public record Story(String headline, String byline, List<String> paragraphs) {

  public Story {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Article {@code article}'s first revision under {@code seed}. */
  public static Story base(long seed, int article) {
    SplittableRandom r = random(seed, article, -1);
    String headline = Words.headline(r);
    String byline = Words.person(r);
    int count = 6 + r.nextInt(9);
    List<String> paragraphs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      paragraphs.add(Words.paragraph(r));
    }
    return new Story(headline, byline, paragraphs);
  }

  /** Article {@code article}'s first headline, without generating its body (for feeds and link boxes). */
  public static String baseHeadline(long seed, int article) {
    return Words.headline(random(seed, article, -1));
  }

  /**
   * Article {@code article} after the given edits, each applied in order. The same seed, article and
   * edits always give the same story: the site stores only the edit kinds, never the text.
   */
  public static Story of(long seed, int article, byte[] edits) {
    Story story = base(seed, article);
    for (int i = 0; i < edits.length; i++) {
      story = story.edited(seed, article, i, EditKind.values()[edits[i]]);
    }
    return story;
  }

  /** This story with edit number {@code index} of kind {@code kind} applied. */
  public Story edited(long seed, int article, int index, EditKind kind) {
    SplittableRandom r = random(seed, article, index);
    List<String> body = new ArrayList<>(paragraphs);
    switch (kind) {
      case HEADLINE -> {
        String next = Words.headline(r);
        while (next.equals(headline)) {
          next = Words.headline(r);
        }
        return new Story(next, byline, body);
      }
      case REWRITE -> body.set(r.nextInt(body.size()), Words.paragraph(r));
      // Inside the story, as an editor adds a paragraph: an addition at the top or the bottom is a live blog's
      // growth, which the diff worker summarises once per diff-worker.append-only-period instead of alerting.
      case INSERT -> body.add(1 + r.nextInt(Math.max(1, body.size() - 1)), Words.paragraph(r));
      case DELETE -> {
        if (body.size() > 3) {
          body.remove(r.nextInt(body.size()));
        } else {
          body.add(1, Words.paragraph(r)); // too short to delete from: an insertion inside instead
        }
      }
    }
    return new Story(headline, byline, body);
  }

  private static SplittableRandom random(long seed, int article, int edit) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + article * 0xBF58476D1CE4E5B9L + edit * 31L + 7);
  }
}
