package io.newsdelta.diffworker.version;

import io.newsdelta.diff.BodyDiff;
import io.newsdelta.diff.Hunks;
import io.newsdelta.diff.SentenceDiff;
import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Hunk;
import java.time.Instant;
import java.util.List;

/**
 * Numbers versions and describes changes. A new version is recorded only when the text hash differs from the
 * latest version's; the first version is recorded, never announced.
 *
 * <p>Re-baselines: when the extraction rules that made the article's latest text differ from the current ones
 * ({@link VersionPolicy#extractorVersion()}), a different text is most likely the extractor's own doing. It is
 * recorded as the next version (numbers stay consecutive: none skipped or repeated) flagged
 * {@code rebaseline}, and no change is announced; later changes are described from it.
 *
 * <p>Flip-flops: a text equal to an earlier one is a new version with {@code revertOf} naming the latest
 * version that had it. The change is announced once per ordered pair of texts (A to B, then B back to A);
 * when the same transition comes again it is only recorded (the version, with {@code revertOf}).
 *
 * <p>Live blogs: an update that only adds paragraphs ({@link AppendOnly}) within
 * {@link VersionPolicy#appendOnlyPeriod()} of the article's last announced change is recorded but held back;
 * the next announced change (the first later edit or, when none comes, {@link #release}) is described from the
 * last announced version, so it lists every addition since.
 */
public final class Versioner {
  /** Body edits of at most this many words, with the same headline, are flagged minor. */
  static final int MINOR_WORDS = 3;

  private Versioner() {}

  /** {@link #observe(ArticleState, String, String, Instant, ArticleText, VersionPolicy)} with the defaults. */
  public static Observation observe(
      ArticleState state, String articleId, String url, Instant observedAt, ArticleText text) {
    return observe(state, articleId, url, observedAt, text, VersionPolicy.DEFAULT);
  }

  /**
   * Observes a text of an article.
   *
   * @param state the article's state, or null when the article is new
   * @param articleId the article id
   * @param url the URL it was fetched from
   * @param observedAt the fetch time of the raw version
   * @param text the extracted, normalised text
   * @param policy the current extractor version and the rules' settings
   */
  public static Observation observe(
      ArticleState state, String articleId, String url, Instant observedAt, ArticleText text, VersionPolicy policy) {
    String hash = text.sha256();
    boolean sameRules = state != null && policy.extractorVersion().equals(state.extractorVersion());
    if (state != null && state.latest().textSha256().equals(hash)) {
      if (sameRules) {
        return new Observation(state, null, List.of());
      }
      // The new rules give the same text: nothing to record, but later texts are compared under the new rules.
      return new Observation(state.withRules(policy.extractorVersion()), null, List.of());
    }
    int number = state == null ? 1 : state.latest().version() + 1;
    boolean rebaseline = state != null && !sameRules;
    Integer revertOf = state == null ? null : state.versionWith(hash);
    ArticleVersion version =
        new ArticleVersion(
            articleId, url, number, observedAt, text.title(), text.byline(), text.paragraphs(), hash,
            text.standfirst(), policy.extractorVersion(), rebaseline, revertOf);
    if (state == null) {
      return new Observation(new ArticleState(version, List.of(hash), policy.extractorVersion()), version, List.of());
    }
    if (rebaseline) {
      // Held additions were extracted by the old rules, like their base: announce them before re-baselining.
      List<ArticleChange> released =
          state.holding() ? List.of(describe(state.base(), state.latest(), null, true)) : List.of();
      return new Observation(state.advance(version, policy.extractorVersion(), null, null,
          state.holding() ? observedAt : state.lastAnnouncedAt(), 0), version, released);
    }
    ArticleVersion from = state.describedFrom();
    String pair = ArticleState.pair(from.textSha256(), hash);
    if (revertOf != null && state.announced(pair)) {
      // A flip-flop seen before (an A/B-tested headline): recorded as a revert, not announced again.
      return new Observation(
          state.advance(version, policy.extractorVersion(), null, null, state.lastAnnouncedAt(), 0), version, List.of());
    }
    // A correction note is announced at once, even when it is only added text.
    boolean appendOnly =
        revertOf == null && AppendOnly.between(from, version) && CorrectionNotes.added(from, version).isEmpty();
    if (appendOnly
        && state.lastAnnouncedAt() != null
        && observedAt.isBefore(state.lastAnnouncedAt().plus(policy.appendOnlyPeriod()))) {
      // A live blog's next post within the period: recorded now, announced with the next ones.
      return new Observation(
          state.advance(version, policy.extractorVersion(), null, from, state.lastAnnouncedAt(),
              state.heldUpdates() + 1),
          version, List.of());
    }
    ArticleState next = state.advance(version, policy.extractorVersion(), pair);
    return new Observation(next, version, describe(from, version, revertOf, appendOnly));
  }

  /**
   * Announces the held append-only versions of an article when the period since its last announced change has
   * passed (called by a punctuator, so additions are announced even when no later observation comes).
   *
   * @return the observation with the summarised change, or one without changes (same state) when not due
   */
  public static Observation release(ArticleState state, Instant now, VersionPolicy policy) {
    if (state == null || !state.holding()) {
      return new Observation(state, null, List.of());
    }
    if (state.lastAnnouncedAt() != null && now.isBefore(dueAt(state, policy))) {
      return new Observation(state, null, List.of());
    }
    return new Observation(state.released(now), null, describe(state.base(), state.latest(), null, true));
  }

  /** When the held append-only versions of an article are due to be announced. */
  public static Instant dueAt(ArticleState state, VersionPolicy policy) {
    return state.lastAnnouncedAt() == null
        ? state.latest().observedAt() : state.lastAnnouncedAt().plus(policy.appendOnlyPeriod());
  }

  private static ArticleChange describe(ArticleVersion from, ArticleVersion to, Integer revertOf, boolean appendOnly) {
    BodyDiff diff = BodyDiff.between(from.paragraphs(), to.paragraphs());
    List<Hunk> hunks = Hunks.of(diff);
    boolean headlineChanged = !from.title().equals(to.title());
    List<String> notes = CorrectionNotes.added(from, to);
    String correctionNote = notes.isEmpty() ? null : String.join("\n", notes);
    // A correction note is never trivial, however short.
    String minorKind = notes.isEmpty() ? MinorEdits.kindOf(from, to, diff, headlineChanged) : null;
    boolean minor = minorKind != null;
    SentenceDiff sentences = SentenceDiff.between(from.paragraphs(), to.paragraphs());
    ChangeStats stats = new ChangeStats(diff.stats().wordsAdded(), diff.stats().wordsRemoved(),
        sentences.added(), sentences.deleted(), sentences.edited(), sentences.moved());
    Summaries.Flags flags = new Summaries.Flags(
        headlineChanged,
        !sameWords(from.byline(), to.byline()),
        !sameWords(from.standfirst(), to.standfirst()),
        !sameWords(lede(from), lede(to)));
    return new ArticleChange(
        ArticleChange.idOf(to.articleId(), from.version(), to.version()),
        to.articleId(),
        to.url(),
        to.title(),
        from.version(),
        to.version(),
        from.observedAt(),
        to.observedAt(),
        headlineChanged,
        minor,
        revertOf,
        hunks,
        stats,
        Summaries.of(from, to, hunks, stats, flags, revertOf, appendOnly, correctionNote),
        from.title(),
        appendOnly,
        minorKind,
        correctionNote != null,
        correctionNote,
        flags.byline(),
        flags.standfirst(),
        flags.lede(),
        ArticleChange.Kind.EDIT,
        null);
  }

  private static String lede(ArticleVersion v) {
    return v.paragraphs().isEmpty() ? null : v.paragraphs().get(0);
  }

  private static boolean sameWords(String a, String b) {
    return WordDiff.words(a).equals(WordDiff.words(b));
  }
}
