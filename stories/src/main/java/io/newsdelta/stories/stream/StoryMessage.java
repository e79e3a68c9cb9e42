package io.newsdelta.stories.stream;

/**
 * What flows through the stories job's repartition topics.
 *
 * @param kind {@code NOTICE}: a new version (keyed by article id); {@code BAND}: an article's entry for one band
 *     (keyed by band key); {@code MATCH}: a confirmed candidate (keyed by the newcomer's article id)
 * @param member the version the message is about (the newcomer for a match)
 * @param candidate for a match: the earlier member it is similar to
 * @param similarity for a match: the estimated Jaccard similarity
 */
record StoryMessage(Kind kind, Member member, Member candidate, double similarity) {
  enum Kind { NOTICE, BAND, MATCH }

  static StoryMessage notice(Member m) {
    return new StoryMessage(Kind.NOTICE, m, null, 0);
  }

  static StoryMessage band(Member m) {
    return new StoryMessage(Kind.BAND, m, null, 0);
  }

  static StoryMessage match(Member m, Member candidate, double similarity) {
    return new StoryMessage(Kind.MATCH, m, candidate, similarity);
  }
}
