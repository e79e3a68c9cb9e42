package io.newsdelta.ingest.watch;

import io.newsdelta.events.Hashes;
import io.newsdelta.extract.ExtractedArticle;
import io.newsdelta.extract.ExtractorVersion;

/**
 * The fingerprint of an article's text as the diff worker will read it: SHA-256 over the extractor version,
 * the title, standfirst, byline and paragraphs the extractor gives. Two renderings of a page that differ only
 * in boilerplate (an "updated" stamp, an ad slot, a request id) have the same fingerprint, so ingest publishes
 * neither again; an extractor upgrade changes every fingerprint once, so each page is published once more
 * and read with the new rules. A page in which the extractor finds no article text (too short, not an
 * article) is fingerprinted by its bytes instead: without text to compare, any change may be the one that
 * matters, so it is published, as before this fingerprint existed. Pure.
 */
public final class TextFingerprint {
  private TextFingerprint() {}

  /** The fingerprint of {@code article}, extracted from a body whose SHA-256 is {@code bodySha256}. */
  public static String of(ExtractedArticle article, String bodySha256) {
    if (article.paragraphs().isEmpty()) {
      return Hashes.sha256("extractor " + ExtractorVersion.CURRENT + "\u0000no text\u0000" + bodySha256);
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("extractor ").append(ExtractorVersion.CURRENT).append('\u0000');
    field(sb, article.title());
    field(sb, article.standfirst());
    field(sb, article.byline());
    for (String p : article.paragraphs()) {
      field(sb, p);
    }
    return Hashes.sha256(sb.toString());
  }

  private static void field(StringBuilder sb, String value) {
    // A field's length first, so text moving between fields never gives the same input.
    if (value == null) {
      sb.append("-\u0000");
    } else {
      sb.append(value.length()).append(':').append(value).append('\u0000');
    }
  }
}
