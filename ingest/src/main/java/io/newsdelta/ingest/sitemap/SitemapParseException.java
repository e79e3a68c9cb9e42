package io.newsdelta.ingest.sitemap;

/**
 * A sitemap response that could not be read as a sitemap. Checked: the poller turns it into one error event and
 * goes on with the other sitemaps and feeds.
 */
public final class SitemapParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public SitemapParseException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
