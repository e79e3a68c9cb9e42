package io.newsdelta.ingest.watch;

import io.newsdelta.events.RawVersion;
import io.newsdelta.extract.ExtractedArticle;

/**
 * The article text ingest extracted to fingerprint a page, as the raw version carries it to the diff worker, so
 * the page is extracted once in the pipeline instead of twice.
 */
final class CarriedText {
  private CarriedText() {}

  /** {@code article} as extracted by the extractor whose identity is {@code extractor}. */
  static RawVersion.Text of(ExtractedArticle article, String extractor) {
    return new RawVersion.Text(extractor, article.title(), article.standfirst(), article.byline(),
        article.paragraphs(), article.emptyReason());
  }
}
