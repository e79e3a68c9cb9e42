package io.newsdelta.events;

import java.time.Instant;
import java.util.List;

/**
 * The difference between two consecutive versions of an article, on {@link Topics#ARTICLE_CHANGES}.
 *
 * @param changeId stable id of this change ({@code articleId#fromVersion-toVersion}), the idempotency key
 * @param articleId the normalised canonical URL
 * @param url the URL the new version was fetched from
 * @param title the new headline
 * @param fromVersion the older version number
 * @param toVersion the newer version number
 * @param fromObservedAt when the older version was observed
 * @param toObservedAt when the newer version was observed
 * @param headlineChanged whether the headline differs
 * @param minor true when the edit is small (punctuation, a few words) and the headline is the same
 * @param revertOf the earlier version number whose text the new version equals, or null
 * @param hunks the word-level edits, in reading order
 * @param stats words added and removed
 * @param summary one human line describing the change
 * @param previousTitle the old headline (added field)
 * @param appendOnly true when the newer version only adds text (a live blog's posts); such changes are announced
 *     at most once per {@code diff-worker.append-only-period}, covering every addition since the last one, so
 *     {@code toVersion - fromVersion} may be more than 1 (added field)
 * @param minorKind when {@code minor}, what kind of trivial edit: {@code whitespace}, {@code punctuation},
 *     {@code date} (only a date or time line changed), {@code typo} (words changed by a letter or two),
 *     {@code few-words} (at most 3 words, same headline); null when not minor (added field)
 * @param correction true when the newer version adds a correction or update note ("Correction:", "An earlier
 *     version of this article…", and their equivalents in de, fr, es, it, nl, pt) (added field)
 * @param correctionNote the added note's text (several joined by a newline), or null (added field)
 * @param bylineChanged whether the author line differs (added field)
 * @param standfirstChanged whether the summary under the headline differs (added field)
 * @param ledeChanged whether the first paragraph differs (added field)
 * @param kind {@code edit} (the text changed; every change the diff worker makes today, and the value of a
 *     change written before the field existed), {@code removed}, {@code moved} or {@code restored} (added field)
 * @param movedTo for {@code moved}, the URL the article moved to, else null (added field)
 */
public record ArticleChange(
    String changeId,
    String articleId,
    String url,
    String title,
    int fromVersion,
    int toVersion,
    Instant fromObservedAt,
    Instant toObservedAt,
    boolean headlineChanged,
    boolean minor,
    Integer revertOf,
    List<Hunk> hunks,
    ChangeStats stats,
    String summary,
    String previousTitle,
    boolean appendOnly,
    String minorKind,
    boolean correction,
    String correctionNote,
    boolean bylineChanged,
    boolean standfirstChanged,
    boolean ledeChanged,
    Kind kind,
    String movedTo) {

  /** What happened to the article; serialised lower-case (DESIGN.md). */
  public enum Kind {
    @com.fasterxml.jackson.annotation.JsonProperty("edit")
    EDIT,
    @com.fasterxml.jackson.annotation.JsonProperty("removed")
    REMOVED,
    @com.fasterxml.jackson.annotation.JsonProperty("moved")
    MOVED,
    @com.fasterxml.jackson.annotation.JsonProperty("restored")
    RESTORED
  }

  public ArticleChange {
    hunks = hunks == null ? List.of() : List.copyOf(hunks);
    kind = kind == null ? Kind.EDIT : kind;
  }

  /** A change with only the fields of the first contract and {@code previousTitle}; the added ones defaulted. */
  public ArticleChange(
      String changeId,
      String articleId,
      String url,
      String title,
      int fromVersion,
      int toVersion,
      Instant fromObservedAt,
      Instant toObservedAt,
      boolean headlineChanged,
      boolean minor,
      Integer revertOf,
      List<Hunk> hunks,
      ChangeStats stats,
      String summary,
      String previousTitle) {
    this(changeId, articleId, url, title, fromVersion, toVersion, fromObservedAt, toObservedAt, headlineChanged,
        minor, revertOf, hunks, stats, summary, previousTitle, false, null, false, null, false, false, false, Kind.EDIT, null);
  }

  /** The change id for a pair of versions of one article. */
  public static String idOf(String articleId, int fromVersion, int toVersion) {
    return articleId + "#" + fromVersion + "-" + toVersion;
  }
}
