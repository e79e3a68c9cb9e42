package io.newsdelta.ingest.fetch;

import java.util.Locale;
import java.util.Set;

/** Which Content-Types ingest takes as article pages. */
public final class ContentTypes {
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  private ContentTypes() {}

  /** Whether a Content-Type header is HTML; an absent header is given the benefit of the doubt. */
  public static boolean isHtml(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return HTML.contains(mime);
  }
}
