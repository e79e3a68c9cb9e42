package io.newsdelta.stories.stream;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.stories.similarity.Outlets;
import java.time.Instant;

/**
 * One article version as the stories job carries it between its stages and keeps it in band entries: what a
 * story event says about a member, plus the signature to compare.
 *
 * @param articleId the article id
 * @param url the version's URL
 * @param host the outlet ({@link Outlets#of})
 * @param title the headline
 * @param version the version number
 * @param observedAt when the version was observed
 * @param firstSeen the earliest observation of the article this stage knows of
 * @param signature the MinHash signature ({@link io.newsdelta.stories.similarity.Signature#toBytes()}), or null
 *     where it is not needed
 */
record Member(
    String articleId,
    String url,
    String host,
    String title,
    int version,
    Instant observedAt,
    Instant firstSeen,
    byte[] signature) {

  static Member of(ArticleVersion v, byte[] signature) {
    return new Member(
        v.articleId(), v.url(), Outlets.of(v.url() == null ? v.articleId() : v.url()), v.title(), v.version(),
        v.observedAt(), v.observedAt(), signature);
  }

  Member withoutSignature() {
    return new Member(articleId, url, host, title, version, observedAt, firstSeen, null);
  }

  Member withFirstSeen(Instant earlier) {
    Instant first = earlier != null && earlier.isBefore(firstSeen) ? earlier : firstSeen;
    return new Member(articleId, url, host, title, version, observedAt, first, signature);
  }
}
