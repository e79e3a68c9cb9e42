package io.newsdelta.stories.stream;

/**
 * What flows through the stories job's repartition topics.
 *
 * @param kind {@code NOTICE}: a new version (keyed by article id); {@code BAND}: an article's entry for one band
 *     (keyed by band key); {@code MATCH}: a confirmed candidate (keyed by the newcomer's article id)
 * @param member the version the message is about (the newcomer for a match)
 * @param candidate for a match: the earlier member it is similar to
 * @param similarity for a match: the estimated Jaccard similarity
 * @param compareOnly for a band: the article already holds this band key from an earlier version, so the band
 *     compares the newcomer with its members but keeps its entry (absent in messages of older jobs: false, join)
 */
record StoryMessage(Kind kind, Member member, Member candidate, double similarity, boolean compareOnly) {
  enum Kind { NOTICE, BAND, MATCH }

  static StoryMessage notice(Member m) {
    return new StoryMessage(Kind.NOTICE, m, null, 0, false);
  }

  static StoryMessage band(Member m) {
    return new StoryMessage(Kind.BAND, m, null, 0, false);
  }

  /** A band message for a key the article already holds: compare, do not rewrite the band. */
  static StoryMessage compare(Member m) {
    return new StoryMessage(Kind.BAND, m, null, 0, true);
  }

  static StoryMessage match(Member m, Member candidate, double similarity) {
    return new StoryMessage(Kind.MATCH, m, candidate, similarity, false);
  }
}
