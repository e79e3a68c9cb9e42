package io.newsdelta.extract;

/**
 * The version of the extraction rules. Bump {@link #CURRENT} whenever a change to the extractor can
 * change the text it produces for some page: versions record it, so the diff worker can tell an
 * extractor upgrade from an edit by the publisher.
 */
public final class ExtractorVersion {
  /** The extraction rules of this build. */
  public static final String CURRENT = "2";

  private ExtractorVersion() {}
}
